package dev.supportbot.tickets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns the data of a log entry into the JSON stored in {@code ticket_events.payload} and back; instants as
 * ISO-8601 text. The event's type is stored beside the payload and picks the record to read. Thread-safe.
 */
final class EventCodec {
    private final ObjectMapper mapper;

    EventCodec() {
        SimpleModule instants = new SimpleModule("instants")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new InstantDeserializer());
        this.mapper = new ObjectMapper().registerModule(instants);
    }

    String encode(TicketChange change) {
        try {
            return mapper.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + change.type().wireName() + ": " + e.getMessage(), e);
        }
    }

    TicketChange decode(EventType type, String payload) {
        try {
            return mapper.readValue(payload, recordOf(type));
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable " + type.wireName() + " event: " + e.getOriginalMessage(), e);
        }
    }

    private static Class<? extends TicketChange> recordOf(EventType type) {
        return switch (type) {
            case CREATED -> TicketChange.Created.class;
            case SEVERITY_CHANGED -> TicketChange.SeverityChanged.class;
            case ASSIGNED -> TicketChange.Assigned.class;
            case STATUS_CHANGED -> TicketChange.StatusChanged.class;
            case FIRST_RESPONSE -> TicketChange.Responded.class;
            case SLA_WARNING -> TicketChange.SlaWarned.class;
            case SLA_BREACHED -> TicketChange.SlaBreached.class;
            case COMMENT -> TicketChange.Commented.class;
            case RESOLVED -> TicketChange.Resolved.class;
            case REOPENED -> TicketChange.Reopened.class;
        };
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Instant.parse(String.valueOf(text));
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
