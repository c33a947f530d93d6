package fr.grd.mes.localstack;

import fr.grd.mes.testsupport.Http;
import fr.grd.mes.contract.domain.amendment.AmendmentFixture;
import fr.grd.mes.localstack.ServiceStack.Service;
import fr.grd.mes.support.time.BusinessCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real headless Chromium (Debian's chromium and chromedriver): branch A of the express
 * chart — conservatory appointment, the supplier's express call, capacity added in the charge table, the held
 * proposal, the client reachable, the intervention completed — done entirely by clicks and typing, then the
 * billing lines, the perimeter entry and the summary sheet read on the case page. Only the request itself
 * arrives through the API, as it does from the SGE portal. Each page is saved as a screenshot in
 * {@code target/console-screenshots/} (copied into {@code docs/console/} for the README).
 */
class OperatorConsoleIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar();
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final String ZONE = "ZONE-CONSOLE";
    private static final String SUPPLIER = "FOURN-CONSOLE";

    private static TestStack stack;
    private static String console;
    private static WebDriver browser;

    @BeforeAll
    static void stackConsoleAndBrowser() throws IOException {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")))
                .as("Debian's chromium and chromium-driver (installed by .ci/run)").isTrue();
        stack = TestStack.get();
        stack.services.startConsole(0, List.of(stack.issuer.consoleArgument()));
        console = stack.services.consoleUrl();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1100", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void branchAOfTheExpressChartIsWorkedByClicksAndTypingThenBilledOnTheCasePage() throws IOException {
        LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        LocalDate withinTwoDays = CALENDAR.addBusinessDays(today, 1);
        LocalDate beyondTwoDays = CALENDAR.addBusinessDays(today, 4);
        // the SGE portal's request: express, no place within 2 business days, so a conservatory appointment
        String pdl = CaseFixture.deliveryPoint(stack, ZONE, "COUP");
        CaseFixture.capacity(stack, ZONE, beyondTwoDays, 1, 0);
        var created = Http.post(stack.services.url(Service.REQUEST) + "/api/v1/requests",
                CaseFixture.request(pdl, SUPPLIER, "EXPRESS", withinTwoDays, "AM"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asString();
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("RDVC"));

        // the express desk signs in and finds the case
        signIn("connexion-operateur", "Claire Dupont");
        awaitHeading("Compteurs du");
        assertThat(Long.parseLong(text(By.cssSelector("[data-compteur=requests]")))).isPositive();
        link("Affaires");
        awaitHeading("Affaires");
        type(By.id("q"), caseId + Keys.ENTER);
        awaitHeading("Affaire " + caseId);
        assertThat(text(By.id("affaire-numero"))).isEqualTo(caseId);
        assertThat(text(By.id("affaire-rdv"))).contains("conservatoire");
        screenshot("affaire-conservatoire");

        // the supplier calls the "Acheminement" line: the desk records the express call on the case
        type(By.id("appelant"), "Service client " + SUPPLIER);
        click(By.id("escalade"));
        assertThat(confirmation()).contains("Appel express enregistré pour l'affaire " + caseId);

        // a place is added within the 2 business days, typed into the charge table and confirmed with Entrée
        link("Tableau de charges");
        awaitHeading("Tableau de charges");
        type(By.id("zone"), ZONE + Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                By.id("capacite-" + ZONE + "-" + withinTwoDays + "-AM")).isEmpty());
        WebElement capacity = browser.findElement(By.id("capacite-" + ZONE + "-" + withinTwoDays + "-AM"));
        capacity.clear();
        capacity.sendKeys("1" + Keys.ENTER);
        assertThat(confirmation()).contains("Capacité " + ZONE).contains("1 place(s)");
        assertThat(browser.findElement(By.id("capacite-" + ZONE + "-" + withinTwoDays + "-AM")).getDomAttribute("value"))
                .isEqualTo("1");
        screenshot("tableau-de-charges");

        // the desk's queue shows the held proposal with the client's phone and the call-back countdown
        link("Bureau express");
        awaitHeading("Bureau express");
        By advance = By.id("avancer-" + caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(advance).isEmpty();
        });
        WebElement row = browser.findElement(By.id("proposition-" + caseId));
        assertThat(row.getText()).contains("+33 6 12 34 56 78").contains("reste");
        assertThat(browser.findElement(advance).getText()).startsWith("Joignable, rendez-vous avancé au")
                .contains(String.format("%02d/%02d/%d", withinTwoDays.getDayOfMonth(), withinTwoDays.getMonthValue(),
                        withinTwoDays.getYear()));
        screenshot("bureau-express");
        click(advance);
        assertThat(confirmation()).contains("Client joignable : rendez-vous avancé");
        Cases.await(stack, caseId, c -> Cases.milestones(c).contains("RDVA"));

        // the day of the advanced appointment: the technician records the intervention on the field page
        stack.clock.advanceTo(withinTwoDays.atTime(9, 0).atZone(PARIS).toInstant());
        click(By.id("deconnexion"));
        signIn("connexion-technicien", "Karim Benali");
        awaitHeading("Tournée du");
        new Select(browser.findElement(By.id("zone"))).selectByVisibleText(ZONE);
        click(By.id("afficher-tournee"));
        By index = By.id("index-" + caseId);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(index).isEmpty());
        assertThat(text(By.id("rdv-" + caseId))).contains(pdl).contains("12 rue de la Paix").contains("Mme Claire Martin");
        type(index, "5123");
        screenshot("terrain");
        click(By.id("realisee-" + caseId));
        assertThat(confirmation()).contains("Mise en service réalisée, index 5123");
        Cases.await(stack, caseId, c -> "CPRE".equals(c.get("closureCode").asString()));

        // back at the desk: the case page shows the milestones, the 45 € HT of branch A and the perimeter entry
        click(By.id("deconnexion"));
        signIn("connexion-operateur", "Claire Dupont");
        awaitHeading("Compteurs du");
        browser.get(console + "/console/affaires");
        type(By.id("q"), caseId + Keys.ENTER);
        awaitHeading("Affaire " + caseId);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("#facturation tbody tr")).size() == 2
                    && !browser.findElements(By.id("perimetre")).isEmpty();
        });
        assertThat(browser.findElements(By.cssSelector("#facturation tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-prestation")).containsExactly("F120B", "F120X");
        assertThat(browser.findElements(By.cssSelector("#facturation td.montant")))
                .extracting(td -> plain(td.getText())).containsExactly("20,00 €", "25,00 €");
        assertThat(browser.findElements(By.cssSelector("#jalons li")))
                .extracting(li -> li.getDomAttribute("data-code"))
                .containsExactly("DMTR", "DMREC", "INPL", "RDVC", "DEXP", "RDVA", "CPRE");
        assertThat(text(By.id("perimetre"))).contains(pdl).contains(SUPPLIER).contains("index 5123");
        assertThat(text(By.id("affaire-etat"))).isEqualTo("terminée");

        // the next day the summary sheet is issued and shown on the case
        stack.clock.advanceTo(CALENDAR.addBusinessDays(withinTwoDays, 1).atTime(8, 0).atZone(PARIS).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.id("fiche-synthese")).isEmpty();
        });
        assertThat(text(By.id("fiche-synthese"))).contains(caseId).contains(pdl).contains("REF-" + pdl);
        screenshot("affaire");
    }

    @Test
    void theDayCountersAndTheAmendmentPagesShowWhatTheServicesComputed() throws IOException {
        LocalDate today = LocalDate.now(stack.clock.withZone(PARIS));
        String number = "AV-CONSOLE-" + System.nanoTime() % 100_000;
        var draft = Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments",
                AmendmentFixture.terms(number, today, false));
        assertThat(draft.status()).as(draft.raw()).isEqualTo(201);
        var counters = Http.get(stack.services.url(Service.REQUEST) + "/api/v1/statistics/daily?date=" + today).body();

        signIn("connexion-operateur", "Claire Dupont");
        awaitHeading("Compteurs du");
        assertThat(text(By.cssSelector("[data-compteur=requests]"))).isEqualTo(counters.get("requests").asString());
        assertThat(text(By.cssSelector("[data-compteur=completed]"))).isEqualTo(counters.get("completed").asString());
        screenshot("compteurs");

        // the draft: Annexe 2's diagram is attached through the form, then the amendment is issued
        browser.get(console + "/console/avenants/" + number);
        awaitHeading("Avenant L. 342-2 " + number);
        assertThat(text(By.id("avenant-schema"))).startsWith("non joint");
        click(By.id("avenant-emettre"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("message-erreur")).isEmpty());
        assertThat(text(By.id("message-erreur"))).contains("Annexe 2");
        Path diagram = Files.createTempFile("schema-raccordement", ".png");
        Files.write(diagram, AmendmentFixture.diagramPng(900, 450));
        browser.findElement(By.id("schema-fichier")).sendKeys(diagram.toAbsolutePath().toString());
        click(By.id("schema-joindre"));
        awaitDone();
        assertThat(text(By.id("avenant-schema"))).contains("900 × 450 px");
        click(By.id("avenant-emettre"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> text(By.id("avenant-etat")).equals("émis"));
        assertThat(browser.findElements(By.id("schema-fichier"))).as("an issued amendment's diagram is fixed").isEmpty();

        link("Avenants L. 342-2");
        awaitHeading("Avenants L. 342-2");
        WebElement amendment = browser.findElement(By.linkText(number));
        assertThat(plain(amendment.findElement(By.xpath("ancestor::tr")).getText())).contains("15 265,70 €").contains("4 526,57 €");
        screenshot("avenants");
        amendment.click();
        awaitHeading("Avenant L. 342-2 " + number);
        assertThat(text(By.id("contribution-ht"))).isEqualTo("12 721,42 €");
        assertThat(text(By.id("contribution-ttc"))).isEqualTo("15 265,70 €");
        assertThat(text(By.id("acompte"))).isEqualTo("4 526,57 €");
        assertThat(text(By.id("avenant-etat"))).isEqualTo("émis");
        screenshot("avenant");
        var pdf = Http.get(stack.services.url(Service.CONTRACT) + "/api/v1/amendments/" + number + "/document");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(browser.findElement(By.id("avenant-pdf")).getDomAttribute("href"))
                .isEqualTo("/console/avenants/" + number + "/document");

        // accepted (the pieces come by post): the end of the distributor's works invoices the §9 balance
        for (String piece : List.of("SIGNED_AMENDMENT", "SIGNED_MANDATE_CONTRACT", "FINANCIAL_GUARANTEE",
                "INSURANCE_CERTIFICATE", "DEPOSIT_PAYMENT")) {
            Http.post(stack.services.url(Service.CONTRACT) + "/api/v1/amendments/" + number + "/pieces",
                    Map.of("piece", piece));
        }
        browser.navigate().refresh();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !text(By.id("avenant-etat")).equals("émis"));
        setDate(By.id("fin-travaux-date"), today);
        setDate(By.id("fin-travaux-demandeur"), today);
        click(By.id("fin-travaux-enregistrer"));
        awaitDone();
        assertThat(browser.findElements(By.id("avenant-solde"))).isNotEmpty();
        assertThat(text(By.id("avenant-solde"))).contains("9 739,13 €")
                .contains(today.plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(text(By.id("avenant-revision"))).startsWith("montant ferme");
        click(By.id("paiement-enregistrer"));
        awaitDone();
        assertThat(text(By.id("avenant-solde"))).contains("payé le");
        type(By.id("definitif-travaux"), "36000,00");
        type(By.id("definitif-refaction"), "9999,99");
        click(By.id("definitif-enregistrer"));
        awaitDone();
        assertThat(text(By.id("avenant-definitifs"))).as("the réfaction credited is capped at the PDR's ORR réfaction")
                .isEqualTo("36 000,00 € HT, réfaction 7 200,00 €");
        screenshot("avenant-solde");
        click(By.id("deconnexion"));
    }

    @Test
    void aTechnicianCannotOpenTheDeskAndASignedOutVisitorIsSentToTheSignIn() {
        browser.manage().deleteAllCookies();
        browser.get(console + "/console/bureau-express");
        assertThat(browser.getCurrentUrl()).endsWith("/console/connexion");
        signIn("connexion-technicien", "Karim Benali");
        awaitHeading("Tournée du");
        assertThat(browser.getCurrentUrl()).contains("/console/terrain");
        assertThat(browser.findElements(By.linkText("Bureau express"))).isEmpty();
        browser.get(console + "/console/bureau-express");
        assertThat(text(By.tagName("h1"))).isEqualTo("Accès réservé à un autre rôle");
        browser.get(console + "/console/terrain");
        click(By.id("deconnexion"));
        awaitHeading("Connexion");
        assertThat(browser.getCurrentUrl()).contains("/console/connexion");
    }

    /** The confirmation shown after an action, once the page it leads to is there; a refusal fails with its text. */
    @Test
    void anOperatorRepairsARecordHeldFromASuppliersFileAndTheNextFileCarriesIt() throws Exception {
        SupplierFiles files = new SupplierFiles(stack, "FOURN-CONSOLE-HOLD", "ZONE-CONSOLE-HOLD");
        String caseId = files.completedCase("COMPLETED");
        stack.stores.writeTextNoBillingFileCanCarry(caseId, "REF\u0000" + caseId);
        stack.clock.advance(Duration.ofMinutes(1));
        assertThat(files.export("F15").status()).as("the only record is held: no file").isEqualTo(204);

        signIn("connexion-operateur", "Claire Dupont");
        awaitHeading("Compteurs");
        link("Flux retenus");
        awaitHeading("Enregistrements retenus");
        By row = By.id("retenu-" + caseId + "-R1");
        assertThat(text(row)).contains("F15", "FOURN-CONSOLE-HOLD", "invalid XML character");
        screenshot("flux-retenus");
        click(By.id("reparer-" + caseId + "-R1"));
        assertThat(confirmation()).contains("réparé et libéré");
        assertThat(browser.findElements(row)).isEmpty();

        stack.clock.advance(Duration.ofMinutes(1));
        fr.grd.mes.client.Reply next = files.export("F15");
        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        assertThat(files.checkedEntries("F15", next.body().get("fileName").asString())).contains(caseId);
    }

    private static String confirmation() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("message-ok")).isEmpty()
                || !browser.findElements(By.id("message-erreur")).isEmpty());
        assertThat(browser.findElements(By.id("message-erreur"))).as(() -> "refused: "
                + browser.findElements(By.id("message-erreur")).stream().map(WebElement::getText).toList()).isEmpty();
        return text(By.id("message-ok"));
    }

    private static void signIn(String button, String name) {
        browser.get(console + "/console/connexion");
        type(By.id("nom"), name);
        click(By.id(button));
    }

    /** Waits until the page whose main heading starts with {@code heading} is shown (after a click or a redirect). */
    private static void awaitHeading(String heading) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> plain(browser.findElement(By.tagName("h1")).getText()).startsWith(heading));
    }

    private static void link(String label) {
        click(By.linkText(label));
    }

    private static void click(By by) {
        browser.findElement(by).click();
    }

    private static void type(By by, CharSequence keys) {
        WebElement field = browser.findElement(by);
        field.clear();
        field.sendKeys(keys);
    }

    /** Waits for the page an action comes back to, and checks the service did it (no refusal shown). */
    private static void awaitDone() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("message-ok")).isEmpty()
                || !browser.findElements(By.id("message-erreur")).isEmpty());
        assertThat(browser.findElements(By.id("message-erreur"))).as(() -> browser.findElements(By.id("message-erreur"))
                .stream().map(WebElement::getText).toList().toString()).isEmpty();
    }

    /** A date field set as the browser holds it (ISO), whatever the browser's locale shows. */
    private static void setDate(By by, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(by), date.toString());
    }

    private static String text(By by) {
        return plain(browser.findElement(by).getText());
    }

    /** French number formatting groups thousands with a narrow no-break space; compare with plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').strip();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
