// Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed 3 times within 5 seconds, hides the
// page at once and replaces it in the history with a neutral site, so that Back does not bring it back.
// Without JavaScript the button is a plain link (the page is not replaced in the history then).
const button = document.querySelector("[data-quick-exit]");
const status = document.querySelector("[data-quick-exit-status]");

function leave(event) {
    event?.preventDefault();
    document.body.hidden = true;
    document.title = "…";
    if (status) status.textContent = button.dataset.leaving;
    location.replace(button.href);
}

if (button) {
    button.addEventListener("click", leave);
    let presses = [];
    document.addEventListener("keyup", (event) => {
        if (event.key !== "Shift") {
            presses = [];
            return;
        }
        const now = Date.now();
        presses = [...presses.filter((time) => now - time < 5000), now];
        if (presses.length >= 3) leave();
        else if (status) status.textContent = presses.length === 1 ? button.dataset.shiftTwo : button.dataset.shiftOne;
    });
}

// The report form: answering "yes" to immediate danger shows the police number next to the question at once.
const dangerNote = document.querySelector("[data-danger-note]");
if (dangerNote) {
    for (const radio of document.querySelectorAll("input[name=danger]")) {
        radio.addEventListener("change", () => {
            dangerNote.hidden = !(radio.checked && radio.value === "yes");
        });
    }
}

// A report sent back with errors: its summary of them first.
document.querySelector(".error-summary")?.focus();
