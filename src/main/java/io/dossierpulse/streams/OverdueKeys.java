package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierState;

/**
 * Key layout of the {@code overdue} store: the due second zero-padded to 19 digits (so keys sort
 * most overdue first), a NUL, then the dossier id; the value is the receiving agency's code. Only
 * this class builds or reads these keys; other packages go through {@link StoreQueries}.
 */
final class OverdueKeys {

    private static final char SEPARATOR = '\u0000';

    private OverdueKeys() {
    }

    /** The key of an open dossier counted overdue, or null when it is not on the list. */
    static String of(DossierState s) {
        if (s == null || s.ended() || s.clock() == null || !s.has(DossierState.Flag.COUNTED_OVERDUE)) {
            return null;
        }
        String second = Long.toString(s.clock().dueSecond());
        StringBuilder key = new StringBuilder(20 + s.dossierId().length());
        for (int i = second.length(); i < 19; i++) {
            key.append('0');
        }
        return key.append(second).append(SEPARATOR).append(s.dossierId()).toString();
    }

    static String dossierOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
