"""The reporting cycle: periods a province submits, the level above approves, and the lock
that an approved period puts on every write (README, *The reporting cycle*)."""
