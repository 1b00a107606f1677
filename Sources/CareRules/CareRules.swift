// CareRules: the RAMED rules of Docs/rules-reference.md as code.
//
// - The basket of care B1-B16 and the exclusions X1-X3: `Basket`, `BasketEntry`, `Coverage`.
// - Eligibility and classing E1-E4 with contributions and card validity C1, C2: `Household`,
//   `Eligibility`, `EligibilityDecision`.
// - Beneficiary status on a date C2, C5, C6: `Card`, `DepositReceipt`, `BeneficiaryStatus`, on
//   Date-free `CalendarDate` values.
