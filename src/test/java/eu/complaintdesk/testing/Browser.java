package eu.complaintdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no driver download). Tests that
 * need it are skipped when Chromium is not installed, except in CI ({@code CI=true}), where they
 * fail.
 */
public final class Browser {

  public static final File CHROMIUM = new File("/usr/bin/chromium");
  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  /** A new headless browser; skips the test when Chromium or its driver is missing. */
  public static WebDriver start() {
    return start(1400, 1000);
  }

  /**
   * A new headless browser with a window of this size (pixels). Without Chromium the test is
   * skipped on a developer's machine, and fails in CI ({@code CI=true}), where {@code .ci/run}
   * installs it: a browser test that skips itself in CI would prove nothing.
   */
  public static WebDriver start(int width, int height) {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    String missing = "Debian's chromium and chromium-driver are not installed";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(installed).as(missing).isTrue();
    }
    assumeTrue(installed, missing);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=" + width + "," + height,
        "--lang=en");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs out whoever is signed in to Tasklist at {@code baseUrl} and signs in as the user
   * (password = user id). Tasklist's login form now and then drops what was typed before Angular
   * bound it: tried up to three times.
   */
  public static void signInToTasklist(WebDriver browser, String baseUrl, String user) {
    By signedIn = By.cssSelector("a[ng-click='open()']");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    for (int attempt = 1; ; attempt++) {
      browser.get(baseUrl + "/camunda/app/tasklist/default/");
      browser.manage().deleteAllCookies();
      ((JavascriptExecutor) browser).executeScript("window.localStorage.clear();");
      browser.get(baseUrl + "/camunda/app/tasklist/default/#/login");
      // Angular marks the fields ng-pristine once it has bound them; typing earlier is lost.
      wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("input[ng-model='username'].ng-pristine")))
          .sendKeys(user);
      browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
      browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.presenceOfElementLocated(signedIn));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
