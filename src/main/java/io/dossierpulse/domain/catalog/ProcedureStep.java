package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.sla.SlaLimit;

/**
 * One step of an inter-agency (liên thông) procedure: which kind of agency handles it and the
 * share of the total limit it is allotted. Each step is judged against its own allotment.
 *
 * @param name      short description of the step's work
 * @param level     the level of the agency that handles the step
 * @param allotment the step's own limit
 */
public record ProcedureStep(String name, AgencyLevel level, SlaLimit allotment) {
}
