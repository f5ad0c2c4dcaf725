package com.promises.api.console;

import com.promises.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's chromium, headless, driven through its own chromedriver (no driver is looked up or downloaded), on the
 * test's service. Waits are for page states, bounded generously for a busy two-core machine; nothing is timed.
 */
final class Browser implements AutoCloseable {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The most a page state may take to come about; a bound on waiting, not a measurement. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** A browser whose Accept-Language is {@code languages} (as "en-US,en"). */
    static Browser open(int port, String languages) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages,
                "credentials_enable_service", false, "profile.password_manager_enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Browser(driver, port);
    }

    static Browser open(int port) {
        return open(port, "en-US,en");
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    Browser signIn(Api.User user) {
        go("/");
        type(By.id("username"), user.name);
        type(By.id("password"), user.password());
        click(By.id("sign-in"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        return this;
    }

    WebElement find(By locator) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(locator));
    }

    boolean has(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    String text(By locator) {
        return find(locator).getText();
    }

    Browser type(By locator, String value) {
        WebElement input = find(locator);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Sets a date input (typing into one depends on the locale's date format). */
    Browser date(By locator, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(locator), isoDate);
        return this;
    }

    Browser select(By locator, String value) {
        new Select(find(locator)).selectByValue(value);
        return this;
    }

    Browser click(By locator) {
        waitFor(ExpectedConditions.elementToBeClickable(locator)).click();
        return this;
    }

    /** Submits a form and waits until the page it was on has gone and the next one has loaded. */
    Browser submit(By button) {
        WebElement old = find(By.tagName("html"));
        click(button);
        waitFor(ExpectedConditions.stalenessOf(old));
        waitFor(driver -> "complete".equals(script("return document.readyState")));
        return this;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    WebDriver driver() {
        return driver;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String source() {
        return driver.getPageSource();
    }

    Browser width(int pixels, int height) {
        driver.manage().window().setSize(new Dimension(pixels, height));
        return this;
    }

    /** The whole page as it looks now, into api/target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return Math.max(document.body.scrollHeight, 800)")).longValue();
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 120, 6000)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
