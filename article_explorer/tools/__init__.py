"""The tools around the notebooks: the command line, the handouts, the environment check, the server hook."""
