// Monte Carlo engine lives here.
