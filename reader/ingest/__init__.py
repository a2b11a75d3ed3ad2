"""Reading files of any common encoding into the store, one transaction per input."""
