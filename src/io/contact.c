/*
 * contact.c - names of the contact file kinds (see contact.h).
 */
#include "io/contact.h"
#include "core/error.h"
#include "core/banned.h"

const char *contact_kind_name(enum contact_kind kind)
{
	switch (kind) {
	case CONTACT_ANY:
		return "any";
	case CONTACT_VCARD:
		return "vcard";
	case CONTACT_LINKEDIN:
		return "linkedin";
	case CONTACT_GOOGLE:
		return "google";
	}
	MU_BUG("contact: unknown kind");
}
