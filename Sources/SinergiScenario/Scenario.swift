// The scenario file format lives here.
