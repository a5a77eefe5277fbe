"""One module per step of the wizard; each Screen renders state and forwards input."""
