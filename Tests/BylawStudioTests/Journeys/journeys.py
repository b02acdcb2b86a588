"""Bylaw Studio's main journeys in a real browser (headless Chromium through chromedriver).

Run by StudioJourneyTests with: /usr/bin/python3 journeys.py URL POLICY_FOLDER SCREENSHOT_FOLDER
URL is the one `bylaw studio` printed (with its token). Each step asserts on what the page
shows; a screenshot of each page is written to SCREENSHOT_FOLDER. Exit code 0 when every
journey passed; otherwise the failed step is printed and a screenshot of the page as it was
is written as failure.png.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

URL, POLICIES, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
BASE = URL.split("/?")[0]
STEP = ["start"]


def step(name):
    STEP[0] = name
    print("journey:", name, flush=True)


def browser():
    options = webdriver.ChromeOptions()
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(binary):
            options.binary_location = binary
            break
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name))


def wait(driver, condition, seconds=15):
    # A page being replaced by the next one leaves stale elements behind: look again.
    return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(condition)


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def put_caret(driver, textarea, needle, after):
    """Puts the caret `after` characters into the first `needle` of the textarea."""
    offset = driver.execute_script("return arguments[0].value.indexOf(arguments[1]);", textarea, needle)
    assert offset >= 0, "%r is not in the editor" % needle
    driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);", textarea, offset + after)


def replace_text(driver, textarea, old, new):
    """Selects `old` in the editor and types `new` over it, as a person would."""
    offset = driver.execute_script("return arguments[0].value.indexOf(arguments[1]);", textarea, old)
    assert offset >= 0, "%r is not in the editor" % old
    driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", textarea, offset, offset + len(old))
    textarea.send_keys(new)


def status_is(expected):
    return lambda driver: expected in text_of(driver, "#status")


def journeys(driver):
    step("open the printed URL: the token becomes a cookie, the policies are listed")
    driver.get(URL)
    wait(driver, EC.url_to_be(BASE + "/policies"))
    table = text_of(driver, "table.policies")
    assert "Client artifacts never go into consumer chat" in table, table
    assert "legal@example.com" in table
    assert "6 passed" in table
    shot(driver, "studio-policies.png")

    step("keyboard: the first Tab reaches the skip link, which leads to the content")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert driver.switch_to.active_element.text == "Skip to content"

    step("open a policy in the editor")
    driver.find_element(By.LINK_TEXT, "client-data.yaml").click()
    wait(driver, status_is("Compiles"))
    source = driver.find_element(By.ID, "source")
    assert driver.find_element(By.ID, "line-number-19").text == "19"

    step("introduce a typo: the diagnostic appears at its line")
    put_caret(driver, source, "classification in client_data", 4)
    source.send_keys(Keys.DELETE)
    wait(driver, status_is("1 error"))
    line = driver.find_element(By.CSS_SELECTOR, '.highlights .line.error[data-line="19"]')
    assert "undefined field 'clasification'" in line.get_attribute("data-message"), line.get_attribute("data-message")
    assert "error" in driver.find_element(By.ID, "line-number-19").get_attribute("class")
    problems = text_of(driver, "#problems")
    assert "client-data.yaml:19:26" in problems and "did you mean 'classification'?" in problems, problems
    assert "undefined field 'clasification'" in text_of(driver, "#caret-message")
    shot(driver, "studio-editor-diagnostic.png")

    step("apply the did-you-mean fix")
    driver.find_element(By.CSS_SELECTOR, "#problems button.fix").click()
    wait(driver, status_is("Compiles"))
    assert "event.artifact.classification in client_data" in source.get_attribute("value")
    assert not driver.find_elements(By.CSS_SELECTOR, ".highlights .line.error")

    step("change the title and a test, save with Ctrl+S")
    replace_text(driver, source, "Client artifacts never go into consumer chat", "Client files never go into consumer chat")
    replace_text(driver, source, "    expect: [internal-data-in-consumer-chat]", "    expect: allow")
    wait(driver, status_is("unsaved"))
    source.send_keys(Keys.CONTROL, "s")
    wait(driver, status_is("Saved"))
    with open(os.path.join(POLICIES, "client-data.yaml"), encoding="utf-8") as saved:
        assert "title: Client files never go into consumer chat" in saved.read()

    step("a file changed on disk is not overwritten: the difference is shown")
    path = os.path.join(POLICIES, "client-data.yaml")
    with open(path, encoding="utf-8") as current:
        text = current.read()
    with open(path, "w", encoding="utf-8") as changed:
        changed.write(text.replace("owner: legal@example.com", "owner: dpo@example.com"))
    replace_text(driver, source, "Use the company workspace app instead.", "Use the company app instead.")
    source.send_keys(Keys.CONTROL, "s")
    dialog = wait(driver, EC.visibility_of_element_located((By.ID, "conflict-dialog")))
    diff = text_of(driver, "#conflict-diff")
    assert "+ owner: dpo@example.com" in diff and "- owner: legal@example.com" in diff, diff
    shot(driver, "studio-save-conflict.png")
    driver.find_element(By.ID, "conflict-load").click()
    wait(driver, lambda d: not dialog.is_displayed())
    wait(driver, status_is("Compiles"))
    assert "owner: dpo@example.com" in source.get_attribute("value")

    step("run the tests: the failing test says what was expected and what fired")
    driver.find_element(By.LINK_TEXT, "Run this policy's tests").click()
    summary = wait(driver, EC.visibility_of_element_located((By.ID, "test-summary"))).text
    assert "5 passed, 1 failed" in summary, summary
    failure = text_of(driver, ".test.failed")
    assert "expected allow, but fired [internal-data-in-consumer-chat]" in failure, failure
    # Why it fired: the condition that held and the value it read.
    assert 'event.artifact.classification = "internal"' in failure, failure
    Select(driver.find_element(By.ID, "policy-choice")).select_by_visible_text("All policies")
    driver.find_element(By.ID, "run-tests-button").click()
    wait(driver, lambda d: "1 failed" in text_of(d, "#test-summary") and "passed" in text_of(d, "#test-summary"))
    shot(driver, "studio-tests.png")

    step("the handbook shows the new title")
    driver.find_element(By.LINK_TEXT, "Handbook").click()
    frame = wait(driver, EC.presence_of_element_located((By.ID, "handbook-frame")))
    driver.switch_to.frame(frame)
    wait(driver, lambda d: "Client files never go into consumer chat" in d.find_element(By.TAG_NAME, "body").text)
    driver.switch_to.default_content()
    shot(driver, "studio-handbook.png")

    step("try an event from the form: denied, with the findings")
    driver.find_element(By.LINK_TEXT, "Try it").click()
    for name, value in (("kind", "upload"), ("scope", "org"), ("artifact-classification", "client"), ("destination-kind", "consumer-chat")):
        Select(driver.find_element(By.ID, "event-" + name)).select_by_visible_text(value)
    for name, value in (("user", "alice"), ("org", "us-legal"), ("app", "chat-free"), ("destination-app", "chat-free"), ("artifact-type", "pdf")):
        driver.find_element(By.ID, "event-" + name).send_keys(value)
    driver.find_element(By.ID, "decide").click()
    decision = wait(driver, EC.visibility_of_element_located((By.ID, "decision"))).text
    assert decision.lower() == "deny", decision
    assert "client-data/no-client-data-in-consumer-chat" in text_of(driver, ".findings")
    why = driver.find_element(By.CSS_SELECTOR, "details.explanation[open] pre").text
    assert "event.artifact.classification in client_data (19:11)" in text_of(driver, ".explanations"), why
    driver.execute_script("document.getElementById('result').scrollIntoView()")
    shot(driver, "studio-try-event.png")

    step("dry-run a proposed config with past usage")
    driver.find_element(By.LINK_TEXT, "Dry-run").click()
    Select(driver.find_element(By.ID, "after-choice")).select_by_visible_text(next(
        option.text for option in Select(driver.find_element(By.ID, "after-choice")).options if option.text.endswith("changes/acme-proposed.yaml")))
    usage = Select(driver.find_element(By.ID, "usage-choice"))
    usage.select_by_visible_text(next(option.text for option in usage.options if option.text.endswith("usage/examples.ndjson")))
    driver.find_element(By.ID, "plan").click()
    verdict = wait(driver, EC.visibility_of_element_located((By.ID, "verdict"))).text
    assert verdict.startswith("this change"), verdict
    assert "Past usage replayed (40 events)" in driver.find_element(By.ID, "result").text
    driver.execute_script("document.getElementById('result').scrollIntoView()")
    shot(driver, "studio-dry-run.png")

    step("a narrow window: the editor and its problems stack")
    driver.set_window_size(480, 900)
    driver.get(BASE + "/edit?file=client-data.yaml")
    wait(driver, status_is("Compiles"))
    editor = driver.find_element(By.CSS_SELECTOR, ".editor-pane").rect
    problems = driver.find_element(By.CSS_SELECTOR, ".problems").rect
    assert problems["y"] >= editor["y"] + editor["height"] - 1, (editor, problems)
    shot(driver, "studio-narrow.png")
    driver.set_window_size(1280, 800)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    started = time.time()
    driver = browser()
    try:
        journeys(driver)
    except Exception as error:  # noqa: BLE001 - any failure fails the journey, with its step
        try:
            shot(driver, "failure.png")
        finally:
            print("journey failed at '%s': %s: %s" % (STEP[0], type(error).__name__, error), flush=True)
        return 1
    finally:
        driver.quit()
    print("journeys passed in %.1f s" % (time.time() - started), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
