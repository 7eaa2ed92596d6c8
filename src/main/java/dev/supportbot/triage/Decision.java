package dev.supportbot.triage;

import dev.supportbot.knowledge.Citation;
import dev.supportbot.policy.Severity;
import dev.supportbot.policy.SeverityLevel;
import java.util.List;

/**
 * The outcome of triaging one message. Every decision carries the text to show the customer, its citations, a
 * confidence in [0, 1] and the reasons (signals matched, passages used) for logs and engineers.
 */
public sealed interface Decision {
    Action action();

    String reply();

    List<Citation> citations();

    double confidence();

    List<String> reasons();

    /** A documented question, answered from a passage of the docs. */
    record Answer(String reply, List<Citation> citations, double confidence, List<String> reasons)
            implements Decision {
        public Answer {
            citations = List.copyOf(citations);
            reasons = List.copyOf(reasons);
            if (citations.isEmpty()) {
                throw new IllegalArgumentException("an answer needs at least one citation");
            }
        }

        @Override
        public Action action() {
            return Action.ANSWER;
        }
    }

    /** A request the support scope excludes; the reply says why and cites the scope. */
    record OutOfScope(String topic, String reply, List<Citation> citations, double confidence, List<String> reasons)
            implements Decision {
        public OutOfScope {
            citations = List.copyOf(citations);
            reasons = List.copyOf(reasons);
            if (citations.isEmpty()) {
                throw new IllegalArgumentException("an out-of-scope reply needs at least one citation");
            }
        }

        @Override
        public Action action() {
            return Action.OUT_OF_SCOPE;
        }
    }

    /**
     * A problem report or a request for action: a ticket at this level. {@code severityStated} is true when the
     * customer named the severity themselves.
     */
    record OpenTicket(SeverityLevel level, boolean severityStated, String summary, String reply,
                      List<Citation> citations, double confidence, List<String> reasons) implements Decision {
        public OpenTicket {
            citations = List.copyOf(citations);
            reasons = List.copyOf(reasons);
        }

        public Severity severity() {
            return level.severity();
        }

        @Override
        public Action action() {
            return Action.TICKET;
        }
    }

    /** Thanks, greetings, acknowledgements: nothing to answer and nothing to open. */
    record NoAction(String reply, double confidence, List<String> reasons) implements Decision {
        public NoAction {
            reasons = List.copyOf(reasons);
        }

        @Override
        public List<Citation> citations() {
            return List.of();
        }

        @Override
        public Action action() {
            return Action.NONE;
        }
    }
}
