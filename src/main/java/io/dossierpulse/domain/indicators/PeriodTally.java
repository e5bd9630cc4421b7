package io.dossierpulse.domain.indicators;

/**
 * A period's tally as the indicators read it (docs/indicators.md, "Period semantics"): the flows of
 * its dates, and the open stock as it stood at the end of its last date, whatever the acceptance
 * date: the open backlog, overdue dossiers included, counts in every period while open.
 *
 * <p>The counters keep the stock now under acceptance dates and its moves under the date of each
 * move, so the stock at the end of a past date is the stock now less the moves since:
 * {@code OPEN_X(end of to) = sum of OPEN_X over every kept date - sum of MOVED_OPEN_X over (to, today]}.
 * Every sum here is a plain date-range sum, so the rule is the same whatever the adapter sums over
 * (agencies, procedures, the city). A stock read at the end of a date whose dossiers were accepted
 * before the kept dates lacks them while their later moves are subtracted: it is floored at 0 there
 * (docs/indicators.md, "Where it applies").
 */
public final class PeriodTally {

    private PeriodTally() {
    }

    /**
     * @param flows      the sum over the period's dates
     * @param stockNow   the sum over every kept date (its OPEN_ measures are the stock now)
     * @param movesAfter the sum over the dates after the period up to today; null or empty when the
     *                   period ends today or later
     * @return a new tally: {@code flows} with each OPEN_ measure replaced by the stock at the period's end
     */
    public static Tally of(Tally flows, Tally stockNow, Tally movesAfter) {
        Tally t = flows == null ? new Tally() : flows.copy();
        for (int i = 0; i < Measure.STOCK.length; i++) {
            Measure stock = Measure.STOCK[i];
            long atEnd = (stockNow == null ? 0 : stockNow.get(stock))
                    - (movesAfter == null ? 0 : movesAfter.get(Measure.STOCK_MOVES[i]));
            t.add(stock, Math.max(0, atEnd) - t.get(stock));
        }
        return t;
    }
}
