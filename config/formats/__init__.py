"""How dates are typed in forms, per language (FORMAT_MODULE_PATH).

Our users write dates day first (16/3/2016) whichever language the admin speaks: a
month-first reading would silently turn 01/02/2016 into the 2nd of January. So the
English admin reads dates the Vietnamese way too, and no language reads mm/dd/yyyy.
"""

# Day first, then ISO (what browsers' own date inputs send and what exports write).
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 16/03/2016, 16/3/2016
    "%d-%m-%Y",  # 16-03-2016
    "%d.%m.%Y",  # 16.03.2016
    "%Y-%m-%d",  # 2016-03-16
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
]
