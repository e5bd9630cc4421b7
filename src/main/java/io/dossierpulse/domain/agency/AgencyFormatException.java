package io.dossierpulse.domain.agency;

import io.dossierpulse.domain.DataFileException;
import java.util.List;

/** An agency file that cannot be used, with every problem found. */
public final class AgencyFormatException extends DataFileException {

    private static final long serialVersionUID = 1L;

    AgencyFormatException(String source, List<Problem> problems) {
        super("agency file", source, problems);
    }
}
