from ._transfer import ExportCommand


class Command(ExportCommand):
    transfer_name = "clubs"
