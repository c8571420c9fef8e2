// Compiled-in reference tables for synthetic identities: first names, last names and email domains.
#include "reference_names.hpp"

#include <iterator>

namespace synthgen {

// The tables are packed several entries per line; keep clang-format from splitting them one per line.
// clang-format off

// Common given names in the United States, mixed across genders and backgrounds.
constexpr std::string_view kFirstNames[] = {
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
  "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald",
  "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth",
  "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald",
  "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob",
  "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen", "Brenda",
  "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha",
  "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra", "Patrick", "Rachel", "Frank",
  "Carolyn", "Raymond", "Janet", "Jack", "Maria", "Dennis", "Olivia", "Jerry", "Heather", "Tyler", "Diane",
  "Aaron", "Julie", "Jose", "Joyce", "Adam", "Victoria", "Nathan", "Kelly", "Henry", "Christina", "Zachary",
  "Lauren", "Douglas", "Joan", "Peter", "Evelyn", "Kyle", "Judith", "Noah", "Megan", "Ethan", "Andrea",
  "Jeremy", "Cheryl", "Walter", "Hannah", "Christian", "Jacqueline", "Keith", "Martha", "Roger", "Gloria",
  "Terry", "Teresa", "Austin", "Sean", "Sara", "Gerald", "Madison", "Carl", "Frances", "Harold", "Kathryn",
  "Dylan", "Janice", "Arthur", "Lawrence", "Abigail", "Jordan", "Alice", "Jesse", "Bryan", "Sophia", "Billy",
  "Grace", "Bruce", "Denise", "Gabriel", "Amber", "Logan", "Doris", "Alan", "Marilyn", "Juan", "Danielle",
  "Carlos", "Beverly", "Luis", "Isabella", "Miguel", "Theresa", "Jorge", "Diana", "Alejandro", "Natalie",
  "Diego", "Brittany", "Javier", "Charlotte", "Mateo", "Rosa", "Santiago", "Ana", "Ricardo", "Lucia",
  "Fernando", "Camila", "Sofia", "Valentina", "Ximena", "Guadalupe", "Alejandra", "Wei", "Mei", "Jian",
  "Hiroshi", "Yuki", "Kenji", "Sakura", "Minjun", "Jiwoo", "Seojun", "Haeun", "Rahul", "Priya", "Arjun",
  "Ananya", "Vikram", "Deepa", "Linh", "Tuan", "Thao", "Darnell", "Latoya", "Jamal", "Keisha", "Tyrone",
  "Ebony", "Deshawn", "Imani", "Malik", "Aaliyah", "Terrell", "Shanice", "Andre", "Tamika", "Marcus",
  "Jasmine", "Kwame", "Nia", "Olga", "Ivan", "Dmitri", "Katarina", "Giovanni", "Francesca", "Lorenzo",
  "Giulia", "Hans", "Greta", "Sven", "Ingrid", "Liam", "Siobhan", "Declan", "Aoife", "Pierre", "Colette",
  "Mohammed", "Fatima", "Omar", "Layla", "Yusuf", "Amira",
};
constexpr std::size_t kFirstNameCount = std::size(kFirstNames);
static_assert(std::size(kFirstNames) == 256, "kFirstNames must hold exactly 256 entries");

// Common surnames in the United States, mixed across backgrounds.
constexpr std::string_view kLastNames[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
  "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
  "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips",
  "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
  "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
  "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
  "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers",
  "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman",
  "Butler", "Henderson", "Barnes", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson",
  "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes",
  "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro",
  "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells",
  "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson",
  "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt",
  "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
  "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
  "Soto", "Weaver", "Ryan", "Gardner", "Grant", "Vazquez", "Santos", "Hart", "Bradley", "Armstrong",
  "Andrews", "Alvarado", "Delgado", "Hoffman", "Johnston", "Matthews", "Contreras", "Lawrence", "Sandoval",
  "Guerrero", "Rios", "Estrada", "Ortega", "Nunez", "Valdez", "Harper", "Larson", "Santiago", "Maldonado",
  "Morrison", "Dominguez", "Singh", "Vega", "Montgomery", "Oliver", "Williamson", "Espinoza", "Li", "Wong",
  "Reid", "Hanson", "Le", "Wang", "Zhang", "Liu", "Yang", "Huang", "Wu", "Zhou", "Park", "Choi", "Shah",
  "Kumar", "Tanaka", "Yamamoto", "Sato", "Nakamura", "Kowalski", "Novak", "Mueller", "Schneider", "Rossi",
  "Russo", "Bianchi", "Romano", "Esposito", "Costa",
};
constexpr std::size_t kLastNameCount = std::size(kLastNames);
static_assert(std::size(kLastNames) == 256, "kLastNames must hold exactly 256 entries");

// Widely used consumer mail providers.
constexpr std::string_view kEmailDomains[] = {
  "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "protonmail.com",
  "gmx.com", "mail.com", "zoho.com", "yandex.com", "fastmail.com", "comcast.net", "verizon.net", "att.net",
  "live.com",
};
constexpr std::size_t kEmailDomainCount = std::size(kEmailDomains);
static_assert(std::size(kEmailDomains) == 16, "kEmailDomains must hold exactly 16 entries");
// clang-format on

}  // namespace synthgen
