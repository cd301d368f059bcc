"""What the phone needs to keep a trainer's records encrypted (queue.js): her account's code
and the key that wraps her data key, both made here from the site's secret and never stored.

The key goes only to her signed-in session, in the data answer (never cached): once her session
has ended, only the PIN she set on the phone opens what it keeps. The code names her account
in the phone's store without her user name.
"""

import base64

from django.utils.crypto import salted_hmac


def account_code(user) -> str:
    return salted_hmac("trainings.phone-account", str(user.pk), algorithm="sha256").hexdigest()[:32]


def wrapping_key(user) -> str:
    """32 bytes, base64: the AES-GCM key that wraps the account's data key on the phone."""
    digest = salted_hmac("trainings.phone-wrapping-key", str(user.pk), algorithm="sha256").digest()
    return base64.b64encode(digest).decode()
