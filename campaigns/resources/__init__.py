"""The records of campaigns in and out of spreadsheets: their columns, through the transfers engine."""
