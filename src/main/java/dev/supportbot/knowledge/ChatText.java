package dev.supportbot.knowledge;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Slack message text into the plain words a person reads: user and channel mentions, broadcast mentions and
 * link markup are reduced to their visible label, entities are decoded, and odd Unicode is folded. Stateless.
 */
public final class ChatText {
    /** Longest text triage and search look at; the rest of a huge message is kept on the ticket, not analysed. */
    public static final int MAX_ANALYSED_CHARS = 4_000;

    private static final Pattern USER_MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>]*)?>");
    private static final Pattern BROADCAST = Pattern.compile("<!(?:channel|here|everyone|subteam\\^[A-Z0-9]+)[^>]*>");
    private static final Pattern DATE = Pattern.compile("<!date\\^[^|>]*\\|([^>]*)>");
    private static final Pattern CHANNEL = Pattern.compile("<#[A-Z0-9]+(?:\\|([^>]*))?>");
    private static final Pattern LABELLED_LINK = Pattern.compile("<((?:https?|mailto|ftp):[^|>]*)\\|([^>]*)>");
    private static final Pattern BARE_LINK = Pattern.compile("<((?:https?|mailto|ftp):[^>]*)>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private ChatText() {
    }

    private static String markupRemoved(String slackText) {
        String text = USER_MENTION.matcher(slackText).replaceAll(" ");
        text = DATE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = BROADCAST.matcher(text).replaceAll(" ");
        text = CHANNEL.matcher(text).replaceAll(match ->
                match.group(1) == null ? " " : Matcher.quoteReplacement(match.group(1)));
        text = LABELLED_LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
        return BARE_LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }

    /**
     * Whether every step below would leave the text as it is: printable ASCII (so already NFKC, no typographic
     * quotes, no control characters), newlines allowed, no markup or entity, no run of spaces, nothing to strip,
     * not too long. Most questions are such text, and triage hands its plain text on to search: one pass over the
     * characters then replaces the regular expressions.
     */
    private static boolean alreadyPlain(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_ANALYSED_CHARS
                || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean printable = c >= ' ' && c < 0x7F && c != '<' && c != '&';
            if (!printable && c != '\n' || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The readable text of a Slack message, at most {@link #MAX_ANALYSED_CHARS} characters. */
    public static String plain(String slackText) {
        if (slackText == null) {
            return "";
        }
        if (alreadyPlain(slackText)) {
            return slackText;
        }
        String text = slackText.length() > MAX_ANALYSED_CHARS * 2
                ? slackText.substring(0, MAX_ANALYSED_CHARS * 2) : slackText;
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        if (text.indexOf('<') >= 0) {
            text = markupRemoved(text);
        }
        if (text.indexOf('&') >= 0) {
            text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
        text = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
        text = CONTROL.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.length() > MAX_ANALYSED_CHARS ? text.substring(0, MAX_ANALYSED_CHARS) : text;
    }
}
