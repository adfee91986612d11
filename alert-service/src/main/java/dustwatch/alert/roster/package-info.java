/** Duty rosters (值班表) per unit: staff, shifts, holidays, substitutes, default contact; who is on duty at an instant. */
package dustwatch.alert.roster;
