"""Plain-text helpers shared by readers, analysis and checks (no dependency on either)."""
