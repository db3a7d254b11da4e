/**
 * English messages of <donation-calculator>'s form (the fallback for every language). The sentences about
 * the tax relief are in ./relief/, loaded with a country's rules.
 */
const en = {
  frequencyLegend: 'Type of gift',
  once: 'One-off gift',
  monthly: 'Monthly gift',
  amountLegendOnce: 'Amount of your gift',
  amountLegendMonthly: 'Amount of your monthly gift',
  freeAmount: 'Or another amount',
  perMonthShort: '/month',
  errorFormat: 'Enter the amount in figures, for example {example}.',
  errorMin: 'Enter an amount greater than zero.',
  errorMax: 'Enter an amount of {max} or less.',
  giftAidNote:
    'Gift Aid: if you pay UK income tax or capital gains tax, the charity can claim 25p for every £1 you give, at no extra cost to you. You must pay at least as much tax in the tax year as all the charities you give to claim; the donation page asks for your Gift Aid declaration.',
  unsupportedCountry: 'We cannot estimate the tax relief for your country.',
  unsupportedYear: 'We cannot estimate the tax relief for this tax year.',
  unsupported: 'We cannot estimate the tax relief for this gift.',
  incomeError: 'Enter your income in figures, or leave the field empty.',
  donate: 'Donate',
};

export type Messages = typeof en;
export default en;
