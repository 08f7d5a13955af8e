// Fictional names and places for the demo data. Common British names dominate; accented and
// non-English names are there on purpose, so tolerant search (accents, apostrophes, hyphens) gets
// exercised: Zoë, Chloé, José, Siobhán, Wiśniewska, O'Connor, Smith-Jones.

export const GIVEN_FEMALE = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Rosie', 'Sophia',
  'Grace', 'Freya', 'Evie', 'Poppy', 'Ella', 'Daisy', 'Phoebe', 'Ruby', 'Matilda', 'Emily',
  'Jessica', 'Sophie', 'Charlotte', 'Hannah', 'Megan', 'Lucy', 'Holly', 'Molly', 'Amber', 'Leah',
  'Ellie', 'Harper', 'Willow', 'Florence', 'Elsie', 'Maisie', 'Erin', 'Katie', 'Abigail', 'Niamh',
  'Zoë', 'Chloé', 'Siobhán', 'Aoife', 'Éabha', 'Esmé', 'Anaïs', 'Inès', 'Renée', 'Lucía',
  'Sofía', 'Ffion', 'Seren', 'Eilidh', 'Amira', 'Fatima', 'Aisha', 'Maryam', 'Zainab', 'Hana',
  'Priya', 'Ananya', 'Zuzanna', 'Oliwia', 'Maja', 'Chiamaka', 'Adaeze', 'Nia', 'Thảo', 'Mei',
] as const;

export const GIVEN_MALE = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Jack',
  'Freddie', 'Theo', 'Alfie', 'Jacob', 'Thomas', 'Charlie', 'William', 'James', 'Joshua', 'Alexander',
  'Ethan', 'Liam', 'Finley', 'Reuben', 'Rory', 'Samuel', 'Daniel', 'Joseph', 'Lewis', 'Callum',
  'Jamie', 'Kyle', 'Connor', 'Ryan', 'Harvey', 'Tyler', 'Mason', 'Logan', 'Max', 'Toby',
  'José', 'Seán', 'Ciarán', 'Oisín', 'Tomás', 'André', 'Jérôme', 'Loïc', 'Rhys', 'Dylan',
  'Muhammad', 'Ibrahim', 'Yusuf', 'Ayaan', 'Arjun', 'Kacper', 'Jakub', 'Mateusz', 'Chidi', 'Emeka',
  'Kwame', 'Kai', 'Minh', 'Wei',
] as const;

/** Neither list: for children recorded as OTHER / NOT_KNOWN, and babies not yet named by agencies. */
export const GIVEN_ANY = ['Alex', 'Sam', 'Jordan', 'Charlie', 'Riley', 'Morgan', 'Robin', 'Frankie', 'Jesse', 'Remi'] as const;

export const FAMILY = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson',
  'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore',
  'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Mitchell', 'Shaw',
  'Atkinson', 'Bell', 'Marshall', 'Dawson', 'Fletcher', 'Holmes', 'Lambert', 'Pearson', 'Sutcliffe', 'Wainwright',
  'Patel', 'Khan', 'Ahmed', 'Begum', 'Hussain', 'Ali', 'Singh', 'Kaur', 'Chowdhury', 'Rahman',
  'Nowak', 'Kowalski', 'Wiśniewska', 'Lewandowski', 'Müller', 'Schröder', 'García', 'Fernández', 'Núñez', 'Gonçalves',
  "O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Byrne', 'Ó Briain', 'MacDonald', 'Fraser', 'Llewellyn', 'Pryce',
  'Okafor', 'Adeyemi', 'Mensah', 'Nguyen', 'Tran', 'Chen', 'Wong', 'Da Silva', 'Lefèvre', 'Bélanger',
  'Smith-Jones', 'Brennan-Hughes',
] as const;

/** Short forms some children go by. */
export const PREFERRED: Readonly<Record<string, string>> = {
  Alexander: 'Alex', Thomas: 'Tom', William: 'Will', Samuel: 'Sam', Joshua: 'Josh', Daniel: 'Dan',
  Joseph: 'Joe', Oliver: 'Ollie', Frederick: 'Fred', Isabella: 'Bella', Charlotte: 'Lottie',
  Florence: 'Flo', Matilda: 'Tilly', Abigail: 'Abi', Jessica: 'Jess', Katie: 'Kate', Muhammad: 'Mo',
  Zoë: 'Zo', Siobhán: 'Shiv',
};

/** Fictional Northmoor towns and villages, each with its (equally fictional) postcode district. */
export const TOWNS: readonly { town: string; district: string }[] = [
  { town: 'Northmoor', district: 'NM1' },
  { town: 'Northmoor', district: 'NM2' },
  { town: 'Northmoor', district: 'NM3' },
  { town: 'Ravensdale', district: 'NM7' },
  { town: 'Hollinbridge', district: 'NM8' },
  { town: 'Thornwick', district: 'NM11' },
  { town: 'Marshgate', district: 'NM12' },
  { town: 'Eddlesworth', district: 'NM14' },
  { town: 'Ashby Fell', district: 'NM15' },
  { town: 'Coldwater', district: 'NM18' },
];

export const STREETS = [
  'Moor Lane', 'Station Road', 'Church Street', 'Mill Road', 'Victoria Terrace', 'Oakfield Avenue',
  'Heather Close', 'Bracken Way', 'Foundry Street', 'Canal Side', 'Queen Street', 'Aspen Grove',
  'Ravens Walk', 'Fellside Road', 'Beck View', 'Curlew Drive', 'Old Quarry Lane', 'Weavers Court',
  'Market Place', 'Hawthorn Crescent', 'School Lane', 'Ings Road', 'Moss Bank', 'Kiln Row',
] as const;

/** Second lines, for flats. */
export const FLATS = ['Flat 1', 'Flat 2', 'Flat 3', 'Flat 4B', 'Flat 7', 'Flat 12'] as const;

/** Inward-code letters of a real UK postcode never use C, I, K, M, O or V. */
export const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
