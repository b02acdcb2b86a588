// The `bylaw` command line: a thin layer over the Bylaw libraries. Each subcommand lives in
// Commands/, one file each; none holds logic of its own beyond reading options and printing.
BylawCommand.runAndExit()
