package dev.supportbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.TestClock;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenancyTest {
    private static final Viewer.Customer ACME = new Viewer.Customer("acme");
    private static final Viewer.Customer GLOBEX = new Viewer.Customer("globex");

    @TempDir
    Path dataDir;
    private StoreFixture fixture;
    private Ticket acmeTicket;
    private Ticket globexTicket;

    @BeforeEach
    void openTicketsForTwoCustomers() {
        fixture = new StoreFixture(dataDir, TestClock.at("2025-03-03T10:00:00Z"));
        acmeTicket = fixture.open("acme", Severity.SEV1, "acme cluster down");
        globexTicket = fixture.open("globex", Severity.SEV2, "globex nodes drained");
        fixture.open("acme", Severity.SEV3, "acme typo");
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    private List<String> customersListedFor(Viewer viewer, TicketQuery query) {
        return fixture.queries().list(viewer, query).stream().map(Ticket::customer).toList();
    }

    @Test
    void aCustomerListsOnlyItsOwnOrganisationsTickets() {
        assertEquals(List.of("acme", "acme"), customersListedFor(ACME, TicketQuery.all()));
        assertEquals(List.of("globex"), customersListedFor(GLOBEX, TicketQuery.all()));
    }

    @Test
    void aCustomerAskingForAnotherOrganisationGetsNothing() {
        assertEquals(List.of(), customersListedFor(ACME, TicketQuery.all().withCustomer("globex")));
    }

    @Test
    void staffSeeEveryOrganisationAndCanNarrowToOne() {
        assertEquals(List.of("acme", "globex", "acme"), customersListedFor(StoreFixture.STAFF, TicketQuery.all()));
        assertEquals(List.of("globex"),
                customersListedFor(StoreFixture.STAFF, TicketQuery.all().withCustomer("globex")));
    }

    @Test
    void anotherOrganisationsTicketIsNotFoundRatherThanForbidden() {
        TicketNotFoundException missing = assertThrows(TicketNotFoundException.class,
                () -> fixture.queries().get(globexTicket.id(), ACME));
        assertThrows(TicketNotFoundException.class, () -> fixture.queries().history(globexTicket.id(), ACME));

        assertEquals("no ticket T-1002", missing.getMessage());
    }

    @Test
    void aCustomerCannotReplyOnAnotherOrganisationsTicket() {
        Reply reply = fixture.replyBy("U-acme", AuthorRole.CUSTOMER, Visibility.PUBLIC);

        assertThrows(TicketNotFoundException.class, () -> fixture.store().reply(globexTicket.id(), ACME, reply));
        assertEquals(1, fixture.queries().history(globexTicket.id(), StoreFixture.STAFF).size());
    }

    @Test
    void aCustomerDoesNotSeeInternalNotesInTheHistory() {
        fixture.store().reply(acmeTicket.id(), StoreFixture.STAFF,
                fixture.replyBy("dana", AuthorRole.STAFF, Visibility.INTERNAL));

        assertEquals(2, fixture.queries().history(acmeTicket.id(), StoreFixture.STAFF).size());
        assertEquals(List.of(EventType.CREATED), fixture.queries().history(acmeTicket.id(), ACME).stream()
                .map(TicketEvent::type).toList());
    }

    @Test
    void aCustomerCannotPostAsStaffToStopTheClock() {
        Reply pretending = fixture.replyBy("U-acme", AuthorRole.STAFF, Visibility.PUBLIC);

        assertThrows(TicketException.class, () -> fixture.store().reply(acmeTicket.id(), ACME, pretending));
        assertTrue(fixture.queries().get(acmeTicket.id(), ACME).clockRunning());
    }
}
