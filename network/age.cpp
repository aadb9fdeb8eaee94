#include "age.h"

int ageOn(QDate birth, QDate today)
{
    if (!birth.isValid() || !today.isValid() || birth > today)
        return -1;
    int age = today.year() - birth.year();
    // Compare (month, day) pairs: a 29 February birthday is "not yet" on 28 February of a
    // common year and passed on 1 March, without building an invalid QDate.
    const bool birthdayReached = today.month() > birth.month()
        || (today.month() == birth.month() && today.day() >= birth.day());
    if (!birthdayReached)
        --age;
    return age;
}
