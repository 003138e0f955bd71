// Swedish given names by sex and birth era, and family names weighted roughly by how common they are.

/** Given names of people born before 1960 (most patients). */
export const FEMALE_NAMES_OLD: readonly string[] = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Kerstin', 'Ingrid', 'Margareta', 'Birgitta', 'Elisabeth', 'Marianne',
  'Gunilla', 'Inger', 'Ulla', 'Barbro', 'Britt', 'Gun', 'Ingegerd', 'Elsa', 'Astrid', 'Greta', 'Märta',
  'Signe', 'Maj-Britt', 'Solveig', 'Agneta', 'Monica', 'Siv', 'Gunnel', 'Irene', 'Berit', 'Ann-Marie',
  'Christina', 'Lena', 'Yvonne', 'Gudrun', 'Dagmar', 'Elvy',
];
export const MALE_NAMES_OLD: readonly string[] = [
  'Lars', 'Karl', 'Erik', 'Anders', 'Johan', 'Per', 'Nils', 'Sven', 'Åke', 'Göran', 'Björn', 'Östen',
  'Bengt', 'Bo', 'Leif', 'Lennart', 'Kjell', 'Rolf', 'Gunnar', 'Stig', 'Ingvar', 'Ove', 'Olle', 'Arne',
  'Hans', 'Rune', 'Bertil', 'Gösta', 'Tore', 'Sten', 'Sune', 'Kurt', 'Jan', 'Roland', 'Kent', 'Evert', 'Allan',
];
/** Born 1960–1994. */
export const FEMALE_NAMES_MIDDLE: readonly string[] = [
  'Anna', 'Maria', 'Susanne', 'Camilla', 'Jenny', 'Linda', 'Sara', 'Emma', 'Johanna', 'Helena', 'Åsa',
  'Malin', 'Sofia', 'Karolina', 'Therese', 'Annika', 'Petra', 'Jessica', 'Frida', 'Ida', 'Lena', 'Fatima', 'Leila',
];
export const MALE_NAMES_MIDDLE: readonly string[] = [
  'Peter', 'Mikael', 'Thomas', 'Fredrik', 'Daniel', 'Andreas', 'Magnus', 'Stefan', 'Mattias', 'Jonas',
  'Martin', 'Henrik', 'Niklas', 'Johan', 'Patrik', 'Marcus', 'Anders', 'Tobias', 'Robert', 'Mohammed', 'Ali',
];
/** Born 1995 or later. */
export const FEMALE_NAMES_YOUNG: readonly string[] = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Ebba', 'Olivia', 'Alva', 'Saga', 'Vera', 'Ella', 'Freja',
  'Stella', 'Alma', 'Agnes', 'Selma', 'Moa', 'Ellen', 'Tilda', 'Signe', 'Yasmin',
];
export const MALE_NAMES_YOUNG: readonly string[] = [
  'William', 'Liam', 'Noah', 'Hugo', 'Lucas', 'Oliver', 'Elias', 'Alexander', 'Oscar', 'Adam', 'Leo',
  'Vincent', 'Viktor', 'Theo', 'Isak', 'Ludvig', 'Axel', 'Filip', 'Melvin', 'Nils', 'Omar',
];

export const ERA_MIDDLE_FROM_YEAR = 1960;
export const ERA_YOUNG_FROM_YEAR = 1995;

/** Family name → weight (about thousands of bearers in Sweden; Halland has many -son names). */
export const FAMILY_NAMES: Readonly<Record<string, number>> = {
  Andersson: 230, Johansson: 230, Karlsson: 200, Nilsson: 150, Eriksson: 135, Larsson: 115, Olsson: 105,
  Persson: 100, Svensson: 95, Gustafsson: 90, Pettersson: 85, Jonsson: 70, Jansson: 45, Hansson: 45,
  Bengtsson: 35, Jönsson: 35, Lindberg: 30, Jakobsson: 30, Magnusson: 30, Olofsson: 30, Lindström: 30,
  Lindqvist: 27, Lindgren: 27, Berg: 25, Axelsson: 25, Bergström: 25, Lundberg: 25, Lind: 25, Lundgren: 24,
  Lundqvist: 24, Mattsson: 23, Berglund: 22, Fredriksson: 21, Sandberg: 21, Henriksson: 20, Forsberg: 19,
  Sjöberg: 19, Ali: 19, Wallin: 18, Mohammed: 18, Engström: 18, Eklund: 17, Danielsson: 17, Lundin: 17,
  Håkansson: 17, Björk: 16, Bergman: 16, Gunnarsson: 16, Holm: 16, Wikström: 16, Samuelsson: 16,
  Isaksson: 15, Fransson: 15, Bergqvist: 15, Nyström: 15, Holmberg: 15, Arvidsson: 15, Löfgren: 14,
  Söderberg: 14, Nyberg: 14, Blomqvist: 14, Claesson: 14, Nordström: 14, Mårtensson: 12, Ahmed: 12,
  Åberg: 10, Öberg: 10, Ström: 10, Hassan: 8, Nguyen: 5, Yilmaz: 5,
};
