namespace Puente.Domain;
