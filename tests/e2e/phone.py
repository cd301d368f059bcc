"""Steps on the trainer's phone form that several browser tests take."""


def choose_commune(page, typed: str, label: str) -> None:
    """Type in the commune search (accents optional) and pick the match shown as `label`."""
    page.fill("#commune-search", typed)
    page.locator("#commune-options [role=option]", has_text=label).click()


PIN = "246810"


def set_pin(page, pin: str = PIN) -> None:
    """The PIN the trainer sets once signed in: offline, it opens her records on the phone."""
    page.fill("#pin-new", pin)
    page.locator("#pin-save").click()
    page.locator("#pin-setup").wait_for(state="hidden")


def unlock(page, pin: str = PIN) -> None:
    """Opened without her session (offline): her PIN opens the names and records kept."""
    page.fill("#pin-enter", pin)
    page.locator("#pin-open").click()
    page.locator("#pin-unlock").wait_for(state="hidden")
