package dev.supportbot.console;

/** The console's /help text. */
final class Help {
    static final String TEXT = """
            Type a line to post it as the current customer in their shared channel; the bot answers from the
            docs with citations, explains what is out of scope, or opens a ticket and shows its card.
              /as customer ORG [PERSON]   type as someone from a customer organisation (default acme/alice)
              /as staff NAME              type as a support engineer or MLE
              /ticket list [STATUS]       tickets you may see (customers: only their organisation's)
              /ticket show T-1042         the ticket's card and history
              /ticket ack T-1042          acknowledge (staff)
              /ticket assign T-1042 NAME  assign; NAME may be "me" (staff)
              /ticket sev T-1042 SEV [REASON]  change severity: 1, 2, 3 or sr; the deadline moves (staff)
              /ticket wait|resolve|close|reopen T-1042   change status (staff)
              /reply T-1042 TEXT          reply in the thread: staff's first reply is the first response;
                                          a customer's reply is logged as a comment
              /note T-1042 TEXT           internal note (staff); never stops the SLA clock
              /sla                        open tickets awaiting a first response, by time left
              /help                       this text
              /quit                       end (so does end of input)
            """;

    private Help() {
    }
}
