package dev.supportbot.slack;

import com.google.gson.Gson;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The Slack SDK's Web API client with one JSON parser for the whole process. The SDK's own client builds a new
 * Gson, and so every reflective type adapter, to read each answer: under load that was half the bot's CPU, taken
 * from the cores that acknowledge Slack's requests. Form-encoded calls (all the bot makes) are posted as the SDK
 * posts them and read with the shared parser; the SDK's own call statistics, which the bot does not use, are left
 * out. Thread-safe, as the SDK client is.
 */
final class SlackMethods extends MethodsClientImpl {
    private final SlackConfig config;
    private final Gson gson;

    SlackMethods(SlackHttpClient http, String token, String endpointUrlPrefix) {
        super(http, token);
        setEndpointUrlPrefix(endpointUrlPrefix);
        this.config = http.getConfig();
        this.gson = GsonFactory.createSnakeCase(config);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
            FormBody.Builder form, String methodName, String token, Class<T> answerType)
            throws IOException, SlackApiException {
        Response response = runPostFormWithToken(form, methodName, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(config, response, body);
        }
        T answer = gson.fromJson(body, answerType);
        answer.setHttpResponseHeaders(lowerCased(response.headers()));
        return answer;
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> lowerCased = new HashMap<>();
        headers.toMultimap().forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values));
        return lowerCased;
    }
}
