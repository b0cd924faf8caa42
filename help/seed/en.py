"""Seed content for the 'Get help' section.

Facts from APLE's public pages (supplementary facts): the 24/7 hotline, the police number for a child in
immediate danger, that reports can be anonymous, and APLE's internet hotline (a member of INHOPE). The numbers
themselves live in site settings, shown on every help page; nothing here promises a reply time or describes a
procedure APLE has not published (ReportAbusePage.reply_time stays empty until staff fill it in)."""


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


INDEX = {
    "title": "Get help",
    "intro": (
        "Worried about a child? Here is how to report abuse to APLE, where children and families can turn, and "
        "how to look for help without leaving traces."
    ),
    "listing_summary": "Report child sexual abuse, find help, and stay safe while you look for it.",
    "show_in_menus": True,
}

REPORT = {
    "title": "Report abuse",
    "intro": (
        "You can report child sexual abuse or exploitation to APLE by phone, at any time of day or night. You do "
        "not have to give your name."
    ),
    "listing_summary": "Tell APLE about a child at risk of sexual abuse or exploitation, offline or online.",
    "body": [
        heading("What you can report"),
        paragraph(
            "Tell us if you know or suspect that a child is being sexually abused or exploited, in person or "
            "online. That includes pictures or videos of child sexual abuse on the internet, an adult gaining a "
            "child's trust in order to abuse them (grooming), someone threatening to share sexual images of a "
            "child (sextortion), and adults who travel to abuse children."
        ),
        heading("How to report"),
        paragraph(
            "Call APLE's 24/7 hotline. If a child is in immediate danger, call the police first. The numbers "
            "are at the top of this page."
        ),
        paragraph(
            "APLE also runs Cambodia's internet hotline, for reporting child sexual abuse material found online. "
            "It is a member of INHOPE, the international network of internet hotlines."
        ),
        heading("You can stay anonymous"),
        paragraph("You do not have to say who you are. Reports can be made anonymously."),
        heading("What never to send"),
        paragraph(
            "Never send, copy or forward pictures or videos of a child being abused, not even to report them: "
            "that spreads the harm, and it can be a crime. Describe what you saw and where you saw it (for "
            "example the web address) instead."
        ),
    ],
    "show_in_menus": False,
}

SEEK_HELP = {
    "title": "Seek help",
    "intro": (
        "For children, young people and families. If someone is hurting you, or you are worried about a child, "
        "you can tell someone."
    ),
    "listing_summary": "For children, young people and families: who to call, in plain words.",
    "body": [
        heading("If you are in danger now"),
        paragraph("Call the police. The number is at the top of this page."),
        heading("If someone has hurt you"),
        paragraph(
            "It is not your fault. You can call APLE's hotline at any time of day or night. You do not have to "
            "give your name."
        ),
        heading("If you are worried about a child you know"),
        paragraph(
            "Call APLE's hotline and say what you have seen or heard. You do not have to be sure before you call."
        ),
    ],
    "show_in_menus": False,
}

STAYING_SAFE = {
    "title": "Staying safe online",
    "intro": (
        "If someone else uses your phone or computer, they may be able to see that you visited this site. Here is "
        "how to leave fewer traces."
    ),
    "listing_summary": "Private browsing, clearing your history, and what the 'Exit this page' button does.",
    "body": [
        heading("Use a private window"),
        paragraph(
            "Open a private window before you look for help: in most browsers, open the menu and choose 'New "
            "private window' or 'New incognito tab'. When you close it, the pages you visited are not kept in "
            "the browser's history."
        ),
        heading("Clear your history"),
        paragraph(
            "If you did not use a private window, delete this site from your browser's history afterwards. The "
            "history is usually in the browser's menu, or in its settings under History or Privacy."
        ),
        heading("The 'Exit this page' button"),
        paragraph(
            "On every page of this section, the red 'Exit this page' button, or pressing the Shift key three "
            "times, hides the page at once and opens an ordinary website in its place. The pages of this section, "
            "and the form you filled in, are not kept in the Back button's list: pressing Back, even several "
            "times, does not bring them back."
        ),
        paragraph(
            "What it cannot do: it does not delete your browser's history (the list of sites you visited, and the "
            "suggestions the address bar makes), and someone watching your screen, your phone or your network may "
            "still know that you visited. If JavaScript is turned off in your browser, the button is an ordinary "
            "link and Back can return to this page. Use a private window as well, and delete this site from your "
            "history afterwards."
        ),
        heading("What this site keeps"),
        paragraph(
            "This site uses no cookies for statistics or from other websites unless you allow them, and its "
            "help pages never load statistics, even if you allowed them."
        ),
    ],
    "show_in_menus": False,
}


CONTACT = {
    "title": "Contact",
    "intro": (
        "Write to APLE with the form below, or call or write to one of its offices. To report a child at risk, "
        "call the hotline: it answers day and night."
    ),
    "listing_summary": "APLE's offices and how to reach them, and a form to write to us.",
    "show_in_menus": False,
}
