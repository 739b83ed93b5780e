package org.groupenrollment.pipeline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, driven by Selenium through the system's ChromeDriver; a test
 * that needs it is skipped where they are not installed (CI installs them).
 */
final class SystemChromium {

    private SystemChromium() {
    }

    static WebDriver startOrSkip() throws IOException {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
            .usingAnyFreePort()
            .build(), options(chromium.get()));
    }

    static void screenshot(WebDriver browser, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What axe-core (Deque's accessibility rules, WCAG 2.1 A and AA) finds serious or
     * critical on the page as it stands, one line per rule with the elements at fault.
     */
    static List<String> seriousAccessibilityViolations(WebDriver browser) {
        return new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser)
            .getViolations()
            .stream()
            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .map(SystemChromium::described)
            .toList();
    }

    private static String described(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    /**
     * Headless, as root, and cut off from the internet: without the background-networking
     * switches Chromium keeps trying to reach Google's services.
     */
    private static ChromeOptions options(Path chromium) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1400", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        return options;
    }

    private static Optional<Path> onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .stream()
            .map(dir -> Path.of(dir, command))
            .filter(Files::isExecutable)
            .findFirst();
    }

}
