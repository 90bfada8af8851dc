/// The offline Custom Labels engine: where the breads on a tray are and what each one is.
public enum BreadVision {}
