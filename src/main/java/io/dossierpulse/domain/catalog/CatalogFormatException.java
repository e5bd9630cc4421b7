package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.DataFileException;
import java.util.List;

/** A procedure file that cannot be used, with every problem found. */
public final class CatalogFormatException extends DataFileException {

    private static final long serialVersionUID = 1L;

    CatalogFormatException(String source, List<Problem> problems) {
        super("procedure catalog", source, problems);
    }
}
