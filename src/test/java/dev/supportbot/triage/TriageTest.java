package dev.supportbot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.policy.Severity;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriageTest {
    private static KnowledgeBase knowledge;
    private static Triage triage;

    @BeforeAll
    static void load() {
        knowledge = KnowledgeBase.open(Path.of("knowledge"));
        triage = Triage.load(Path.of("knowledge"), knowledge);
    }

    @AfterAll
    static void close() {
        knowledge.close();
    }

    @Test
    void aDocumentedQuestionIsAnsweredWithTheSectionAndItsCitation() {
        Decision decision = triage.decide("What is the initial response time for a Severity 2 problem?");
        Decision.Answer answer = assertInstanceOf(Decision.Answer.class, decision);
        assertTrue(answer.reply().contains("8 hours"), answer.reply());
        assertEquals("Service level agreement (SLA) › Severity 2 (initial response within 8 hours)",
                answer.citations().get(0).section());
        assertTrue(answer.reply().contains("Source: Support for 1-Click Clusters"), answer.reply());
    }

    @Test
    void anOutOfScopeRequestSaysWhyCitesTheScopeAndOffersBestEffort() {
        Decision decision = triage.decide("can you fix the bug in our training script?");
        Decision.OutOfScope outOfScope = assertInstanceOf(Decision.OutOfScope.class, decision);
        assertEquals("customer_code", outOfScope.topic());
        assertTrue(outOfScope.reply().contains("troubleshooting customer code is out of scope"), outOfScope.reply());
        assertTrue(outOfScope.reply().contains("best-effort help"), outOfScope.reply());
        assertTrue(outOfScope.reply().contains("In scope: Hardware and infrastructure"), outOfScope.reply());
        assertEquals("Support scope › Out of scope", outOfScope.citations().get(0).section());
    }

    @Test
    void aProblemReportOpensATicketWithTheTargetFromThePolicy() {
        Decision.OpenTicket ticket = assertInstanceOf(Decision.OpenTicket.class,
                triage.decide("InfiniBand keeps flapping on a few nodes and NCCL jobs fail now and then"));
        assertEquals(Severity.SEV2, ticket.severity());
        assertEquals(8, ticket.level().initialResponse().toHours());
        assertTrue(ticket.reply().contains("Initial response target: 8 hours"), ticket.reply());
        assertFalse(ticket.reasons().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the cluster is down",
        "Our whole 1CC is down, what is your SLA for this?",
        "How do we get help? nobody can log in to the login node",
        "all nodes are unreachable since 2am",
        "storage is unavailable everywhere, can you check?",
        "HELP!!! everything is broken, production is dead",
        "<!channel> cluster inaccessible",
        "can't ssh into any node, is this a known issue?",
        "Is support aware? The scheduler is not responding and nothing can run.",
        "thanks, but the cluster is down again",
        "Small cosmetic question: the cluster is down",
    })
    void anOutageAlwaysBecomesASeverityOneTicketNeverADocAnswer(String message) {
        Decision decision = triage.decide(message);
        Decision.OpenTicket ticket = assertInstanceOf(Decision.OpenTicket.class, decision, decision.toString());
        assertEquals(Severity.SEV1, ticket.severity(), decision.reasons().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sev1: jobs are slow on node 3 | SEV1",
        "P2 - the login banner is wrong | SEV2",
        "severity 3, IB is flapping | SEV3",
        "Service request: please add user alice | SERVICE_REQUEST",
    })
    void aSeverityTheCustomerStatesIsHonoured(String message, Severity expected) {
        Decision.OpenTicket ticket = assertInstanceOf(Decision.OpenTicket.class, triage.decide(message));
        assertEquals(expected, ticket.severity());
        assertTrue(ticket.severityStated());
    }

    @Test
    void anOutageThatRecoveredIsSeverityTwoAndOneNodeDownIsSeverelyLimited() {
        assertEquals(Severity.SEV2, ((Decision.OpenTicket) triage.decide(
                "we had an outage overnight; it recovered but may recur")).severity());
        assertEquals(Severity.SEV2, ((Decision.OpenTicket) triage.decide("node 14 is down")).severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the SLA for sev 2?", "is VPN support out of scope?",
        "What happens if the cluster goes down, how fast do you respond?", "What counts as a Severity 1 outage?"})
    void questionsAboutThePolicyAreAnsweredNotTicketed(String question) {
        Decision decision = triage.decide(question);
        assertEquals(Action.ANSWER, decision.action(), decision.reasons().toString());
        assertFalse(decision.citations().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks!", "hello", "ok, got it", "Thank you so much, that fixed it", "cheers"})
    void smallTalkIsNothing(String message) {
        assertEquals(Action.NONE, triage.decide(message).action());
    }

    @Test
    void aRequestForActionIsAServiceRequest() {
        Decision.OpenTicket ticket = assertInstanceOf(Decision.OpenTicket.class,
                triage.decide("Could you please create a new account for our intern?"));
        assertEquals(Severity.SERVICE_REQUEST, ticket.severity());
    }

    @Test
    void aQuestionTheDocsDoNotAnswerGoesToAPersonNotNowhere() {
        Decision decision = triage.decide("What is the airspeed velocity of an unladen swallow?");
        Decision.OpenTicket ticket = assertInstanceOf(Decision.OpenTicket.class, decision);
        assertEquals(Severity.SERVICE_REQUEST, ticket.severity());
        assertTrue(ticket.reasons().contains("no documented answer found: a person will answer"));
    }

    static Stream<String> oddInputs() {
        return Stream.of("", "   ", "\u0000\u0001", "<@U123>", "title:x^100 AND (", "))))", "***",
                "\uD83D\uDD25\uD83D\uDD25\uD83D\uDD25", "k".repeat(50_000) + "!", "ok ".repeat(20_000) + "x",
                "\uD800 lone surrogate", "ＣＬＵＳＴＥＲ ＩＳ ＤＯＷＮ");
    }

    @ParameterizedTest
    @MethodSource("oddInputs")
    void oddInputGetsADecisionNeverAnException(String message) {
        Decision decision = triage.decide(message);
        assertTrue(decision.confidence() >= 0 && decision.confidence() <= 1);
        if (decision.action() == Action.ANSWER || decision.action() == Action.OUT_OF_SCOPE) {
            assertFalse(decision.citations().isEmpty());
        }
    }

    @Test
    void everyAnswerAndOutOfScopeReplyOnTheCaseFilesCitesItsSource() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int cited = 0;
        for (String line : java.nio.file.Files.readAllLines(Path.of("src/test/resources/triage/paraphrases.jsonl"))) {
            Decision decision = triage.decide(json.readTree(line).get("text").asText());
            if (decision.action() == Action.ANSWER || decision.action() == Action.OUT_OF_SCOPE) {
                assertFalse(decision.citations().isEmpty(), line);
                assertFalse(decision.citations().get(0).section().isBlank(), line);
                assertTrue(decision.reply().contains("Source: " + decision.citations().get(0).title()), line);
                cited++;
            }
        }
        assertTrue(cited >= 80, "cited replies: " + cited);
    }

    @Test
    void fullwidthAndMarkupAreReadAsPlainText() {
        assertEquals(Action.TICKET, triage.decide("ＣＬＵＳＴＥＲ ＩＳ ＤＯＷＮ").action());
        assertEquals(Action.NONE, triage.decide("<@U0123> thanks!").action());
    }

    @Test
    void aHugeMessageIsTriagedOnItsBeginning() {
        Decision decision = triage.decide("the whole cluster is down. " + "log line ".repeat(200_000));
        assertEquals(Severity.SEV1, ((Decision.OpenTicket) decision).severity());
        assertTrue(((Decision.OpenTicket) decision).summary().length() <= 120);
    }
}
