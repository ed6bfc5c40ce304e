package partnero.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static partnero.gateway.support.PartneroStub.LIST_PATH;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import partnero.gateway.support.AgainstAliceListed;
import partnero.gateway.support.HeadlessChromium;
import partnero.gateway.support.PartneroWireMock;

/**
 * GraphiQL as a person uses it, in a real browser against the packaged application (and the native
 * executable): the page loads, the schema arrives in the Docs pane, a query typed into the editor
 * runs and its answer shows, and the console and network show no failure on the way.
 */
@QuarkusIntegrationTest
class GraphiQLBrowserIT extends AgainstAliceListed {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/q/graphql-ui/")
    URL graphiql;

    private HeadlessChromium browser;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.screenshot("graphiql-last"); // what the page showed at the end, passed or failed
            browser.close();
        }
    }

    @Test
    void aQueryTypedIntoGraphiqlRunsAndTheDocsListTheSchema() {
        browser.driver().get(graphiql.toString());
        browser.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".graphiql-query-editor .CodeMirror"))).click();

        new Actions(browser.driver())
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE) // GraphiQL's welcome text
                .sendKeys("{ customers(limit: 15) { items { key email name } pageInfo { hasNextPage } } }")
                .perform();
        browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
        browser.waitUpTo(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".graphiql-response"), "alice.brown@partnero.com"));
        String answer = browser.driver().findElement(By.cssSelector(".graphiql-response")).getText();
        assertThat(List.of(answer.split("\\s+")), hasItems("\"key\":", "\"customer_123\",", "\"Alice\""));
        browser.screenshot("graphiql-answer");

        browser.driver().findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
        browser.waitUpTo(PATIENCE).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'graphiql-doc-explorer-type-name') and text()='Query']"))).click();
        browser.waitUpTo(PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".graphiql-doc-explorer-field-name")));
        List<String> rootFields = browser.driver().findElements(By.cssSelector(".graphiql-doc-explorer-field-name"))
                .stream().map(WebElement::getText).toList();
        assertThat(rootFields, hasItems("customers", "searchCustomer"));
        browser.screenshot("graphiql-docs");

        assertThat("failed requests", browser.failedRequests(), empty());
        assertThat("console errors", browser.consoleErrors(), empty());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH))
                .withQueryParam("limit", WireMock.equalTo("15"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + PartneroWireMock.SERVER_KEY)));
    }
}
