package dev.supportbot.knowledge;

import java.util.Locale;

/** Section anchors as documentation sites derive them from heading text ("Lambda's Slurm" → "lambdas-slurm"). */
final class Anchors {
    private Anchors() {
    }

    static String slug(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT).replace("`", "");
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                slug.append(c);
            } else if (Character.isWhitespace(c) && !slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        return slug.toString();
    }

    static String link(String pageUrl, String anchor) {
        if (pageUrl.isEmpty()) {
            return "";
        }
        return anchor.isEmpty() ? pageUrl : pageUrl + "#" + anchor;
    }
}
