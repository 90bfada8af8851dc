print("panya")
