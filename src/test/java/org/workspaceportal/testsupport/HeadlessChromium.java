package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium for one test, registered with {@code @RegisterExtension}: started
 * before each test with a new profile, saved as a screenshot and page source when the test fails,
 * quit after.
 *
 * <p>Paths are explicit ({@value #CHROMEDRIVER_ENV}, {@value #CHROMIUM_ENV}, defaulting to the
 * Debian packages' {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}). Because the driver
 * service is given its executable, Selenium Manager is never run, so nothing is ever downloaded;
 * the machines have no internet and tools that fetch their own browser fail there. The browser
 * resolves no host name but {@code localhost}, so it cannot reach anything outside the loopback
 * network either.
 */
public final class HeadlessChromium
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  public static final String CHROMEDRIVER_ENV = "PORTAL_TEST_CHROMEDRIVER";
  public static final String CHROMIUM_ENV = "PORTAL_TEST_CHROMIUM";
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Pages here render in milliseconds; the default 500 ms poll would dominate every navigation. */
  private static final Duration POLL = Duration.ofMillis(50);

  /**
   * Selenium warns on every start that it has no DevTools bindings for this Chromium version; these
   * tests use WebDriver only. Strong references, because java.util.logging holds its loggers
   * weakly; the level is set per start, because Logback resets java.util.logging levels when a
   * context starts.
   */
  private static final List<Logger> CDP_WARNINGS =
      List.of(
          Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
          Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  private final int width;
  private final int height;
  private final Path screenshots;
  private ChromeDriver driver;
  private Path profile;

  private HeadlessChromium(int width, int height, Path screenshots) {
    this.width = width;
    this.height = height;
    this.screenshots = screenshots;
  }

  /**
   * A browser whose window is {@code width} x {@code height}, saving screenshots under {@code
   * target/screenshots}.
   */
  public static HeadlessChromium withWindow(int width, int height) {
    return new HeadlessChromium(width, height, Path.of("target", "screenshots"));
  }

  static Path chromedriverPath() {
    return pathFrom(CHROMEDRIVER_ENV, "/usr/bin/chromedriver");
  }

  static Path chromiumPath() {
    return pathFrom(CHROMIUM_ENV, "/usr/bin/chromium");
  }

  /** Null when both executables are there, else which one is missing and how to fix it. */
  static String whatIsMissing() {
    for (Executable exe :
        List.of(
            new Executable("chromedriver", chromedriverPath(), CHROMEDRIVER_ENV, "chromium-driver"),
            new Executable("chromium", chromiumPath(), CHROMIUM_ENV, "chromium"))) {
      if (!Files.isRegularFile(exe.path()) || !Files.isExecutable(exe.path())) {
        return exe.name()
            + " is not an executable file at "
            + exe.path()
            + " (apt-get install "
            + exe.debianPackage()
            + ", or point "
            + exe.env()
            + " at it)";
      }
    }
    return null;
  }

  private record Executable(String name, Path path, String env, String debianPackage) {}

  private static Path pathFrom(String env, String fallback) {
    String value = System.getenv(env);
    return Path.of(value == null || value.isBlank() ? fallback : value);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    // Selenium Manager does not run when the driver is given explicitly; should that change, it
    // must not download.
    System.setProperty("SE_OFFLINE", "true");
    CDP_WARNINGS.forEach(logger -> logger.setLevel(Level.SEVERE));
    profile = Files.createTempDirectory("portal-chromium-");
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromiumPath().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--no-proxy-server",
        // Machine hygiene: no host name but the loopback ones resolves (the rules apply to IP
        // literals too).
        // *.localhost: the workspaces' origins on the gateway (loopback, as every browser does)
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriverPath().toFile())
            .usingAnyFreePort()
            .withLogFile(screenshots.resolveSibling("chromedriver.log").toFile())
            .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver != null && context.getExecutionException().isPresent()) {
      String name = "failure-" + context.getRequiredTestMethod().getName();
      try {
        screenshot(name);
        Files.writeString(
            screenshots.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      } catch (RuntimeException | IOException e) {
        context.getExecutionException().get().addSuppressed(e);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      deleteProfile();
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * A wait that also retries when an element went stale: pages that htmx refreshes (live status)
   * swap elements out from under a test, so read them inside {@code until}.
   */
  public WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT, POLL);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Opens a URL and waits until its page is loaded. */
  public void open(String url) {
    driver.get(url);
    awaitLoaded();
  }

  /**
   * The HTTP status the current document was served with (after redirects): WebDriver has no word
   * for it, the browser's Navigation Timing entry has. 0 when the browser does not say.
   */
  public int navigationStatus() {
    Object status =
        driver.executeScript(
            "const n = performance.getEntriesByType('navigation')[0];"
                + " return n && n.responseStatus ? n.responseStatus : 0;");
    return ((Number) status).intValue();
  }

  /**
   * Clicks something that loads a new page (a link, a form's submit button) and waits for that
   * page.
   */
  public void clickAndWaitForNewPage(WebElement element) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    click(element);
    await().until(ExpectedConditions.stalenessOf(oldPage));
    awaitLoaded();
  }

  /**
   * Like {@link #clickAndWaitForNewPage(WebElement)}, for an element found by {@code locator} on a
   * page that may still be settling: when Chromium says the element's node left its document
   * between finding and clicking (seen on CI once, the phone menu's sign-out button), it is found
   * again and clicked again, once; when the click itself already took the browser to the next page
   * (ChromeDriver reports the same error if the page goes while it finishes the click), that page
   * is taken.
   */
  public void clickAndWaitForNewPage(By locator) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    try {
      click(driver.findElement(locator));
    } catch (WebDriverException e) {
      if (!(e instanceof StaleElementReferenceException)
          && !String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        throw e;
      }
      if (!ExpectedConditions.stalenessOf(oldPage).apply(driver)) {
        oldPage = driver.findElement(By.tagName("html"));
        click(await().until(ExpectedConditions.elementToBeClickable(locator)));
      }
    }
    await().until(ExpectedConditions.stalenessOf(oldPage));
    awaitLoaded();
  }

  /**
   * Clicks something on the page as a person would, after scrolling it to the middle of the
   * viewport: far down a long page (the shared test database holds many requests, a workspace page
   * has many cards) it may sit under the fold or under the bottom edge (Bootstrap makes scrolling
   * smooth, and a click mid-scroll misses).
   */
  public void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    element.click();
  }

  /**
   * Resizes the window so that the page gets a viewport of {@code viewportWidth} x {@code
   * viewportHeight} CSS pixels, as on a phone. (Headless Chromium, too, keeps some window height
   * for its toolbars.)
   */
  public void resizeViewport(int viewportWidth, int viewportHeight) {
    Dimension window = driver.manage().window().getSize();
    long innerWidth = (Long) driver.executeScript("return window.innerWidth");
    long innerHeight = (Long) driver.executeScript("return window.innerHeight");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                (int) (viewportWidth + window.getWidth() - innerWidth),
                (int) (viewportHeight + window.getHeight() - innerHeight)));
    await()
        .until(
            d ->
                Long.valueOf(viewportWidth)
                    .equals(driver.executeScript("return window.innerWidth")));
  }

  /** Saves what the viewport shows as {@code <name>.png} and returns where. */
  public Path screenshot(String name) {
    Path file = screenshots.resolve(name + ".png");
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Saves the whole page, not only what the viewport shows, as {@code <name>.png}: the window grows
   * to the page's height for the shot (as wide as it was) and shrinks back after.
   */
  public Path fullPageScreenshot(String name) {
    Dimension window = driver.manage().window().getSize();
    long innerHeight = (Long) driver.executeScript("return window.innerHeight");
    long pageHeight =
        (Long)
            driver.executeScript(
                "return Math.max(document.body.scrollHeight,"
                    + " document.documentElement.scrollHeight)");
    int chrome = (int) (window.getHeight() - innerHeight);
    try {
      driver
          .manage()
          .window()
          .setSize(new Dimension(window.getWidth(), (int) Math.min(pageHeight, 8000) + chrome));
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  /**
   * What sticks out sideways on the current page: the page itself when it scrolls sideways, every
   * visible element that reaches past the viewport's edge, and every element that clips or scrolls
   * content wider than itself. Each as a short description ({@code tag#id.class: why}); empty when
   * everything fits.
   */
  @SuppressWarnings("unchecked")
  public List<String> whatSticksOutSideways() {
    return (List<String>)
        driver.executeScript(
            """
            const width = document.documentElement.clientWidth;
            const out = [];
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            if (document.documentElement.scrollWidth > width) {
              out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
            }
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const style = getComputedStyle(e);
              if (style.visibility === 'hidden' || style.position === 'fixed') continue;
              if (r.right > width + 1 || r.left < -1) {
                out.push(name(e) + ': from ' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' of ' + width);
              }
              if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1
                  && e.tagName !== 'SELECT' && e.tagName !== 'INPUT' && e.tagName !== 'TEXTAREA') {
                out.push(name(e) + ': clips ' + e.scrollWidth + ' px into ' + e.clientWidth);
              }
            }
            return out;
            """);
  }

  private void awaitLoaded() {
    await()
        .until(
            d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  /** Best effort: a profile left in the temp directory is no reason to fail a test. */
  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete the browser profile " + profile + ": " + e);
    } finally {
      profile = null;
    }
  }
}
