// Static vocabulary for the generated catalogue: ISO 9999 codes with titles, product types, models.

export interface IsoNode {
  sv: string;
  en: string;
}

/** ISO 9999 classes and subclasses used by the generator (Swedish, English). */
export const ISO_PARENTS: Readonly<Record<string, IsoNode>> = {
  '04': { sv: 'Hjälpmedel för mätning, stöd, träning eller ersättning av kroppsfunktioner', en: 'Assistive products for measuring, supporting, training or replacing body functions' },
  '09': { sv: 'Hjälpmedel för personlig vård', en: 'Assistive products for self-care activities and participation in self-care' },
  '12': { sv: 'Hjälpmedel för personlig förflyttning', en: 'Assistive products for personal mobility and transportation' },
  '18': { sv: 'Bostadsinredning och anpassningar av bostäder', en: 'Furnishings, fixtures and adaptations to homes' },
  '22': { sv: 'Hjälpmedel för kommunikation och information', en: 'Assistive products for communication and information management' },
  '04 33': { sv: 'Hjälpmedel för vävnadsintegritet', en: 'Assistive products for tissue integrity' },
  '09 12': { sv: 'Hjälpmedel vid toalettbesök', en: 'Assistive products for toileting' },
  '09 33': { sv: 'Hjälpmedel för att tvätta, bada och duscha', en: 'Assistive products for washing, bathing and showering' },
  '12 03': { sv: 'Gånghjälpmedel som hanteras med en arm', en: 'Walking aids manipulated by one arm' },
  '12 06': { sv: 'Gånghjälpmedel som hanteras med båda armarna', en: 'Walking aids manipulated by both arms' },
  '12 07': { sv: 'Tillbehör till gånghjälpmedel', en: 'Accessories for walking aids' },
  '12 22': { sv: 'Manuella rullstolar', en: 'Manual wheelchairs' },
  '12 23': { sv: 'Motordrivna rullstolar', en: 'Powered wheelchairs' },
  '12 24': { sv: 'Tillbehör till rullstolar', en: 'Wheelchair accessories' },
  '12 31': { sv: 'Hjälpmedel för förflyttning och vändning', en: 'Assistive products for transferring and turning' },
  '12 36': { sv: 'Hjälpmedel för lyft', en: 'Assistive products for lifting persons' },
  '18 12': { sv: 'Sängar och sängutrustning', en: 'Beds and bed equipment' },
  '22 09': { sv: 'Hjälpmedel för att tala', en: 'Assistive products for speaking' },
  '22 21': { sv: 'Hjälpmedel för kommunikation ansikte mot ansikte', en: 'Assistive products for face-to-face communication' },
  '22 27': { sv: 'Hjälpmedel för att signalera, påminna och larma', en: 'Assistive products for indicating, signalling, reminding and alarming' },
  '22 36': { sv: 'Inmatningsenheter för datorer', en: 'Input devices for computers' },
};

export interface ProductType {
  iso: string;
  sv: string;
  en: string;
  /** Type words used in names ("Rollator"), first is the usual one. */
  words: readonly string[];
  /** Relative share of the catalogue. */
  weight: number;
  /** [supplier, model] pairs of real-looking models. */
  models: ReadonlyArray<readonly [string, string]>;
  /** Variant kinds that apply. */
  variants: readonly VariantKind[];
}

export type VariantKind = 'seatWidth' | 'seatHeight' | 'size' | 'colour' | 'load' | 'feature' | 'side' | 'length' | 'bedSize';

export const PRODUCT_TYPES: readonly ProductType[] = [
  { iso: '04 33 03', sv: 'Sittdynor för trycksårsprevention', en: 'Pressure-redistributing cushions', words: ['Sittdyna', 'Dyna', 'Luftdyna'], weight: 5,
    models: [['Permobil', 'Roho Quadtro Select'], ['Permobil', 'Roho Hybrid Elite'], ['Sunrise Medical', 'Jay Easy'], ['Sunrise Medical', 'Jay J2'], ['Vicair', 'Academy Adjuster'], ['Invacare', 'Matrx Flo-tech']],
    variants: ['seatWidth', 'size'] },
  { iso: '04 33 06', sv: 'Madrasser för trycksårsprevention', en: 'Pressure-redistributing mattresses', words: ['Madrass', 'Luftmadrass', 'Antidecubitusmadrass'], weight: 4,
    models: [['Invacare', 'Softform Premier'], ['Arjo', 'Auto Logic 200'], ['Care of Sweden', 'Optimal'], ['Care of Sweden', 'Curo'], ['Medema', 'Viscoflex']],
    variants: ['bedSize', 'load'] },
  { iso: '09 12 03', sv: 'Toalettstolar', en: 'Commode chairs', words: ['Toalettstol', 'Hygienstol'], weight: 3,
    models: [['Etac', 'Swift Mobil'], ['Etac', 'Clean'], ['Invacare', 'Aquatec Ocean'], ['Handicare', 'Vital'], ['Human Care', 'Rehasense']],
    variants: ['seatWidth', 'feature'] },
  { iso: '09 12 12', sv: 'Toalettförhöjningar', en: 'Raised toilet seats', words: ['Toalettförhöjning', 'Toalettsits'], weight: 2,
    models: [['Etac', 'Hi-Loo'], ['Etac', 'My-Loo'], ['Medema', 'Prima'], ['Human Care', 'Sure-Lift']],
    variants: ['length', 'feature'] },
  { iso: '09 33 03', sv: 'Dusch- och badstolar', en: 'Bath and shower chairs', words: ['Duschstol', 'Duschpall', 'Badkarsbräda'], weight: 5,
    models: [['Etac', 'Swift'], ['Etac', 'Edge'], ['Invacare', 'Aquatec Sorrento'], ['Handicare', 'Linido'], ['Medema', 'Mobeli']],
    variants: ['seatWidth', 'feature', 'colour'] },
  { iso: '12 03 03', sv: 'Käppar', en: 'Walking sticks', words: ['Käpp', 'Gångkäpp', 'Stödkäpp'], weight: 3,
    models: [['Human Care', 'Classic Canes'], ['Medema', 'Ergonomisk'], ['Ossenberg', 'Derby'], ['Handicare', 'Fold']],
    variants: ['length', 'colour', 'side'] },
  { iso: '12 03 06', sv: 'Armbågskryckor', en: 'Elbow crutches', words: ['Armbågskrycka', 'Krycka'], weight: 3,
    models: [['Ossenberg', 'Soft Grip'], ['Medema', 'Ergo'], ['Human Care', 'Smart Crutch']],
    variants: ['length', 'colour', 'size'] },
  { iso: '12 06 03', sv: 'Gåstolar', en: 'Walking chairs', words: ['Gåstol', 'Gåbord'], weight: 3,
    models: [['Human Care', 'Rebel'], ['Eurovema', 'Classic'], ['Handicare', 'Walker 4'], ['Etac', 'Mobilo']],
    variants: ['seatHeight', 'load', 'feature'] },
  { iso: '12 06 06', sv: 'Rollatorer', en: 'Rollators', words: ['Rollator', 'Inomhusrollator'], weight: 10,
    models: [['Etac', 'Cross 45'], ['Etac', 'Cross 6'], ['Invacare', 'Dolomite Jazz 510'], ['Invacare', 'Dolomite Legacy'], ['Invacare', 'Banana'], ['Topro', 'Troja 5G'], ['Topro', 'Olympos'], ['Topro', 'Pegasus'], ['Human Care', 'Rollz Motion'], ['Human Care', 'Server']],
    variants: ['seatHeight', 'size', 'colour', 'load', 'feature'] },
  { iso: '12 07 12', sv: 'Korgar, brickor och väskor till gånghjälpmedel', en: 'Baskets, trays and bags for walking aids', words: ['Korg', 'Bricka', 'Väska', 'Käpphållare'], weight: 3,
    models: [['Etac', 'Cross'], ['Topro', 'Troja'], ['Invacare', 'Dolomite'], ['Human Care', 'Rollz']],
    variants: ['colour'] },
  { iso: '12 22 03', sv: 'Manuella rullstolar med drivning på båda drivhjulen', en: 'Bimanual handrim-drive wheelchairs', words: ['Rullstol', 'Aktivrullstol', 'Komfortrullstol'], weight: 10,
    models: [['Sunrise Medical', 'Quickie Argon 2'], ['Sunrise Medical', 'Quickie Life'], ['Sunrise Medical', 'Quickie Nitrum'], ['Invacare', 'Küschall K-Series'], ['Invacare', 'Küschall Compact'], ['Invacare', 'Action 3 NG'], ['Permobil', 'TiLite Aero Z'], ['Ottobock', 'Avantgarde 4'], ['Ottobock', 'Ventus'], ['Panthera', 'S3'], ['Etac', 'Cross 5']],
    variants: ['seatWidth', 'seatHeight', 'colour', 'load'] },
  { iso: '12 22 18', sv: 'Manuella rullstolar som drivs av medhjälpare', en: 'Attendant-controlled manual wheelchairs', words: ['Transportrullstol', 'Rullstol'], weight: 4,
    models: [['Etac', 'Prio'], ['Invacare', 'Rea Azalea'], ['Sunrise Medical', 'Breezy Relax'], ['Human Care', 'Netti 4U']],
    variants: ['seatWidth', 'feature'] },
  { iso: '12 23 06', sv: 'Elrullstolar med elektronisk styrning', en: 'Powered wheelchairs with electronic steering', words: ['Elrullstol', 'Permobil'], weight: 6,
    models: [['Permobil', 'M3 Corpus'], ['Permobil', 'F5 Corpus VS'], ['Permobil', 'M1'], ['Invacare', 'TDX SP2'], ['Invacare', 'Kite'], ['Sunrise Medical', 'Quickie Q700'], ['Ottobock', 'Juvo B5'], ['Ottobock', 'Skippi']],
    variants: ['seatWidth', 'load', 'feature'] },
  { iso: '12 24 24', sv: 'Ryggstöd och armstöd till rullstolar', en: 'Backrests and armrests for wheelchairs', words: ['Ryggstöd', 'Armstöd', 'Benstöd', 'Nackstöd'], weight: 4,
    models: [['Sunrise Medical', 'Jay J3'], ['Permobil', 'Roho Agility'], ['Invacare', 'Matrx Elite'], ['Ottobock', 'Avantgarde']],
    variants: ['seatWidth', 'side'] },
  { iso: '12 31 03', sv: 'Glidbrädor och glidmattor', en: 'Sliding boards and sliding mats', words: ['Glidbräda', 'Glidmatta', 'Vändskiva'], weight: 3,
    models: [['Handicare', 'SystemRoMedic'], ['Handicare', 'SatinSheet'], ['Etac', 'Immedia'], ['Human Care', 'Turner']],
    variants: ['length', 'size'] },
  { iso: '12 36 03', sv: 'Mobila personlyftar', en: 'Mobile hoists', words: ['Personlyft', 'Mobil lyft', 'Lyft'], weight: 4,
    models: [['Handicare', 'Molift Mover 180'], ['Etac', 'Molift Smart 150'], ['Invacare', 'Birdie Evo'], ['Arjo', 'Maxi Move'], ['Human Care', 'Lift 200']],
    variants: ['load', 'feature'] },
  { iso: '12 36 12', sv: 'Stationära personlyftar', en: 'Stationary hoists', words: ['Taklyft', 'Skenlyft'], weight: 3,
    models: [['Handicare', 'C-450'], ['Etac', 'Molift Air'], ['Human Care', 'HC 2300'], ['Arjo', 'Maxi Sky']],
    variants: ['load', 'length'] },
  { iso: '18 12 10', sv: 'Sängar', en: 'Beds', words: ['Säng', 'Vårdsäng', 'Hemvårdssäng'], weight: 5,
    models: [['Invacare', 'SB 755'], ['Invacare', 'Medley Ergo'], ['Human Care', 'Carea'], ['Arjo', 'Enterprise 5000'], ['Handicare', 'Scandi']],
    variants: ['bedSize', 'load', 'feature'] },
  { iso: '22 09 06', sv: 'Röstförstärkare', en: 'Voice amplifiers', words: ['Röstförstärkare'], weight: 2,
    models: [['Hjälpmedelsteknik', 'ChatterVox'], ['Hjälpmedelsteknik', 'Spokeman'], ['Abilia', 'Voicebooster'], ['Medema', 'Sonido']],
    variants: ['colour', 'feature'] },
  { iso: '22 21 09', sv: 'Talsyntesenheter', en: 'Speech generating devices', words: ['Talapparat', 'Kommunikationshjälpmedel', 'Talsyntes'], weight: 3,
    models: [['Tobii Dynavox', 'I-110'], ['Tobii Dynavox', 'TD Pilot'], ['Tobii Dynavox', 'Indi'], ['Abilia', 'Lightwriter SL50']],
    variants: ['size', 'feature'] },
  { iso: '22 27 12', sv: 'Klockor och tidhjälpmedel', en: 'Clocks and timepieces', words: ['Klocka', 'Kalenderklocka', 'Tidshjälpmedel'], weight: 3,
    models: [['Abilia', 'MEMOplanner'], ['Abilia', 'Handi'], ['Abilia', 'Memo Timer'], ['Hjälpmedelsteknik', 'Dagklocka']],
    variants: ['size', 'colour'] },
  { iso: '22 36 21', sv: 'Ögonstyrning och alternativa inmatningsenheter', en: 'Alternative input devices', words: ['Ögonstyrning', 'Joystick', 'Styrkula'], weight: 3,
    models: [['Tobii Dynavox', 'PCEye 5'], ['Tobii Dynavox', 'TD Control'], ['Abilia', 'Rolltalk'], ['Hjälpmedelsteknik', 'Joyce']],
    variants: ['feature'] },
];

/** Suppliers that also get generated (synthetic) models across types. */
export const SUPPLIERS: readonly string[] = [
  'Invacare', 'Etac', 'Permobil', 'Sunrise Medical', 'Ottobock', 'Human Care', 'Handicare', 'Abilia', 'Tobii Dynavox',
  'Medema', 'Hjälpmedelsteknik', 'Topro', 'Arjo', 'Care of Sweden', 'Ossenberg', 'Eurovema', 'Panthera', 'Vicair',
  'Länsservice Hjälpmedel', 'Rehabgruppen', 'Mölnlycke Health Care', 'Bäckström Rehab', 'Föreningen Öresund Hjälp',
];

/** Syllables for synthetic model names, so the vocabulary grows like a real catalogue's. */
export const SYLLABLES: readonly string[] = [
  'ar', 'go', 'lu', 'mi', 've', 'ra', 'sol', 'to', 'ny', 'ka', 'zen', 'bri', 'do', 'el', 'fa', 'gri', 'hav', 'is',
  'jo', 'kor', 'li', 'mo', 'nor', 'ok', 'pe', 'qua', 'ri', 'sta', 'tu', 'ul', 'vik', 'wa', 'xe', 'yl', 'zo', 'är',
  'ö', 'så', 'fjäl', 'sky', 'lin', 'tor', 'vin', 'mar', 'berg', 'dal', 'ek', 'lund', 'strö', 'kro',
];

export const COLOURS: readonly string[] = ['svart', 'röd', 'blå', 'grå', 'silver', 'vinröd', 'grön', 'champagne', 'titan', 'vit'];
export const SIZES: readonly string[] = ['Small', 'Medium', 'Large', 'XL', 'XS', 'Junior', 'Barn', 'Vuxen'];
export const FEATURES: readonly string[] = [
  'höjdställbar', 'hopfällbar', 'med bromsar', 'med ryggstöd', 'med armstöd', 'med hjul', 'bariatrisk', 'tippskydd',
  'vinklingsbar', 'med sits', 'med bricka', 'eldriven', 'manuell', 'utomhus', 'inomhus', 'lättvikt', 'förstärkt',
  'med fotplatta', 'trådlös', 'med laddare',
];
export const SIDES: readonly string[] = ['vänster', 'höger', 'par'];
