from transfers.commands import ImportCommand


class Command(ImportCommand):
    transfer_name = "participants"
