"""Steps on the trainer's phone form that several browser tests take."""


def choose_commune(page, typed: str, label: str) -> None:
    """Type in the commune search (accents optional) and pick the match shown as `label`."""
    page.fill("#commune-search", typed)
    page.locator("#commune-options [role=option]", has_text=label).click()
