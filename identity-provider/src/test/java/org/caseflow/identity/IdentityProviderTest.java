package org.caseflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer as its clients use it, over real HTTP: a local user's client-credentials token names the user, its roles and
 * the audience; Swagger UI's login (authorization code with PKCE, any loopback port) gives the logged-in user's token;
 * wrong secrets, a code without its verifier and a non-loopback redirect are refused; Swagger UI on a service's port
 * may call the token endpoint (CORS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityProviderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("identity-test");
        Path users = Files.createDirectories(dir.resolve("users"));
        Files.writeString(users.resolve("officer-1.properties"), "client-id=officer-1\nclient-secret=officer-secret-0123456789\nroles=SCREENING_OFFICER\n");
        Files.writeString(users.resolve("supervisor.properties"), "client-id=supervisor\nclient-secret=supervisor-secret-012345\nroles=SUPERVISOR,SCREENING_OFFICER\n");
        registry.add("server.port", () -> port);
        registry.add("caseflow.identity.issuer", () -> "http://127.0.0.1:" + port);
        registry.add("caseflow.identity.users-dir", users::toString);
        registry.add("caseflow.identity.signing-key", () -> dir.resolve("key.json").toString());
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void clientCredentialsGiveTheUsersRolesForCaseflow() throws Exception {
        var answer = token("grant_type=client_credentials", "officer-1", "officer-secret-0123456789");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(answer.body()).path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("officer-1");
        assertThat(claims.path("iss").asString()).isEqualTo(base());
        assertThat(claims.path("aud").toString()).contains("caseflow");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"SCREENING_OFFICER\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);

        assertThat(token("grant_type=client_credentials", "officer-1", "wrong-secret-0123456789").statusCode()).isEqualTo(401);
        assertThat(token("grant_type=client_credentials", "nobody", "officer-secret-0123456789").statusCode()).isEqualTo(401);
        // Swagger UI's client is public: it has no client-credentials grant
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=swagger-ui"))).statusCode()).isIn(400, 401);
    }

    @Test
    void swaggerUiLogsInWithPkceOnAnyLoopbackPort() throws Exception {
        String redirect = "http://127.0.0.1:48182/swagger-ui/oauth2-redirect.html";
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest("a verifier".getBytes()));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = login("supervisor", "supervisor-secret-012345", redirect, challenge);

        // the code is worth nothing without its verifier
        String exchange = "grant_type=authorization_code&client_id=swagger-ui&code=" + enc(code) + "&redirect_uri=" + enc(redirect);
        var withoutVerifier = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(exchange)));
        // (a public client authenticates by its PKCE verifier: without it, invalid_client)
        assertThat(withoutVerifier.statusCode()).isEqualTo(401);

        String code2 = login("supervisor", "supervisor-secret-012345", redirect, challenge);
        var answer = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=swagger-ui&code=" + enc(code2)
                        + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(answer.body()).path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("supervisor");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"SUPERVISOR\",\"SCREENING_OFFICER\"]");
        assertThat(claims.path("aud").toString()).contains("caseflow");

        // a redirect anywhere but loopback is refused before any login
        var elsewhere = send(HttpRequest.newBuilder(URI.create(authorize("http://evil.example/swagger-ui/oauth2-redirect.html", challenge))).GET());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void swaggerUiOnAServicePortMayCallTheIssuer() throws Exception {
        var preflight = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Origin", "http://127.0.0.1:8182")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8182");
        var discovery = send(HttpRequest.newBuilder(URI.create(base() + "/.well-known/openid-configuration")).header("Origin", "http://127.0.0.1:8182").GET());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8182");
        assertThat(JSON.readTree(discovery.body()).path("issuer").asString()).isEqualTo(base());
    }

    /** The login Swagger UI walks the user through, in a new browser session: authorize → login form → back with a code. */
    private String login(String user, String secret, String redirect, String challenge) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        return login(browser, user, secret, redirect, challenge);
    }

    private String login(HttpClient browser, String user, String secret, String redirect, String challenge) throws Exception {
        // as a browser asks (an API client without text/html would get 401, not the login page)
        var start = send(browser, HttpRequest.newBuilder(URI.create(authorize(redirect, challenge))).header("Accept", "text/html").GET());
        assertThat(start.statusCode()).isEqualTo(302);
        var form = send(browser, HttpRequest.newBuilder(URI.create(absolute(start.headers().firstValue("Location").orElseThrow()))).header("Accept", "text/html").GET());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
        var loggedIn = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(secret) + "&_csrf=" + enc(csrf.group(1)))));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        var back = send(browser, HttpRequest.newBuilder(URI.create(absolute(loggedIn.headers().firstValue("Location").orElseThrow()))).header("Accept", "text/html").GET());
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private String authorize(String redirect, String challenge) {
        return base() + "/oauth2/authorize?response_type=code&client_id=swagger-ui&scope=openid&state=s1&redirect_uri=" + enc(redirect)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : base() + location;
    }

    private HttpResponse<String> token(String form, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
