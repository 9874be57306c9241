print("sinergi")
