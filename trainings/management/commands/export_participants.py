from transfers.commands import ExportCommand


class Command(ExportCommand):
    transfer_name = "participants"
