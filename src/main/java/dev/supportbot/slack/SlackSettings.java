package dev.supportbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.supportbot.config.ConfigException;
import dev.supportbot.config.Secrets;
import dev.supportbot.config.SupportbotConfig;
import java.net.URI;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * How to reach Slack, read once from the environment: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_APP_TOKEN} (Socket Mode when set) and {@code SLACK_API_URL} (the Web API base, Slack's own by
 * default; tests and staging point it elsewhere). {@link #toString()} never shows a secret.
 */
record SlackSettings(String botToken, String signingSecret, Optional<String> appToken, URI apiUrl) {
    static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");

    SlackSettings {
        if (botToken == null || !botToken.startsWith("xoxb-")) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN must be set to a bot token (xoxb-...)");
        }
        if (appToken == null) {
            appToken = Optional.empty();
        }
        if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (xapp-...) when set");
        }
        if (appToken.isEmpty() && (signingSecret == null || signingSecret.isBlank())) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET must be set for HTTP mode");
        }
        if (apiUrl == null || !(("https".equals(apiUrl.getScheme())) || "http".equals(apiUrl.getScheme()))) {
            throw new IllegalArgumentException("SLACK_API_URL must be an http(s) URL, got " + apiUrl);
        }
        if (!apiUrl.getPath().endsWith("/")) {
            apiUrl = URI.create(apiUrl + "/");
        }
    }

    /** The settings of a whole config: its secrets and its {@code slack.api_url}. */
    static SlackSettings from(SupportbotConfig config) {
        Secrets secrets = config.secrets();
        try {
            return new SlackSettings(secrets.botToken().orElse(null), secrets.signingSecret().orElse(null),
                    secrets.appToken(), config.slack().apiUrl());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage()); // the environment, not the file, is wrong
        }
    }

    boolean socketMode() {
        return appToken.isPresent();
    }

    /** A Slack SDK entry point on our one OkHttp client, pointed at {@link #apiUrl}. */
    Slack slack(OkHttpClient http) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        if ("127.0.0.1".equals(apiUrl.getHost()) || "localhost".equals(apiUrl.getHost())) {
            config.setProxyUrl(null); // the SDK reads HTTP(S)_PROXY and ignores NO_PROXY
        }
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    /** The Web API client the bot makes its calls with, on the SDK entry point {@code slack}. */
    MethodsClient methods(Slack slack) {
        return new SlackMethods(slack.getHttpClient(), botToken, slack.getConfig().getMethodsEndpointUrlPrefix());
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + "]";
    }
}
