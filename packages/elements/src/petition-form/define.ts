import { PetitionForm } from './petition-form.js';

PetitionForm.define();
